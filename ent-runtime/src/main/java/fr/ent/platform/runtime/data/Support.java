package fr.ent.platform.runtime.data;

/** How far an app answers one duty of its {@link DataContract}. */
public enum Support {
    /** Built: the platform calls the contract's method. */
    DONE,
    /** The app keeps nothing this duty is about (e.g. no personal data): nothing to do, and nothing is missing. */
    NOTHING_HELD,
    /** Deliberately kept, for a reason the law gives (an audit trail kept for its retention period). */
    KEPT,
    /** Not built yet: listed in docs/data-protection.md ("Ce qui manque"), checked by DataContractsTest. */
    NOT_YET
}
