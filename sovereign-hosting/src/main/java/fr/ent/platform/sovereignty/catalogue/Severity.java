package fr.ent.platform.sovereignty.catalogue;

/** BLOCKING: a violation must stop the change (admission) and makes the report non-compliant; WARNING: reported. */
public enum Severity { BLOCKING, WARNING }
