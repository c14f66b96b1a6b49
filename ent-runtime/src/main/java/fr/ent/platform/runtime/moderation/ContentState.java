package fr.ent.platform.runtime.moderation;

/** A content's state as moderation leaves it. */
public enum ContentState {
    /** Shown to its readers as written. */
    VISIBLE,
    /** Its readers see a placeholder; the original is kept for the moderators. */
    NEUTRALIZED,
    /** Removed for good by a moderator. */
    DELETED
}
