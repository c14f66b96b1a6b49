package fr.ent.platform.apps.directory.model;

/** Kinds of groups: by profile in a school or class, made by hand, of a teaching, or of a community. */
public enum GroupType {
    PROFILE, MANUAL, TEACHING, COMMUNITY
}
