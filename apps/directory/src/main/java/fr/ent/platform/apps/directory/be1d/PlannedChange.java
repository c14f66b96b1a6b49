package fr.ent.platform.apps.directory.be1d;

/**
 * One line of an import's plan as the school's administrator reads it before confirming: what will be created,
 * changed or removed, about whom, and why (in French, like {@link Rejection}). {@code line} is the line of the
 * file that causes it (1-based, the header is line 1); lines that change nothing are counted, not listed.
 */
public record PlannedChange(String file, int line, Kind kind, String subject, String reason) {

    public enum Kind {
        CREATE, UPDATE, REMOVE
    }
}
