package fr.ent.platform.apps.directory.aaf;

/**
 * A record (or one value of a record) an AAF import did not apply, and why, in French for the collectivity's
 * administrator: the file, the line where the request starts, the record's AAF id when it has one.
 */
public record AafRejection(String file, int line, String aafId, String reason) {
}
