package fr.ent.platform.apps.directory.be1d;

/**
 * A line of an import that was not imported, and why (in French, for the school's administrator). {@code line}
 * is 1-based and counts the header as line 1, as a spreadsheet shows it.
 */
public record Rejection(String file, int line, String reason) {
}
