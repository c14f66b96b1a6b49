package fr.ent.platform.sovereignty.catalogue;

/** PLATFORM rules are evaluated once; COLLECTIVITY rules once per collectivity (they depend on its residency). */
public enum Scope { PLATFORM, COLLECTIVITY }
