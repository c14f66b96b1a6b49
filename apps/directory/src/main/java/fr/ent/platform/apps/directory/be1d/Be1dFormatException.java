package fr.ent.platform.apps.directory.be1d;

/**
 * A whole file of the export cannot be read (no header, a required column missing, broken quoting): nothing of
 * the import is applied. {@code reason} is French and says what to fix.
 */
public class Be1dFormatException extends RuntimeException {

    private final transient Be1dFile file;
    private final String reason;
    private final String missingColumn;

    public Be1dFormatException(Be1dFile file, String reason, String missingColumn) {
        super(file.partName() + ": " + reason);
        this.file = file;
        this.reason = reason;
        this.missingColumn = missingColumn;
    }

    public Be1dFile file() {
        return file;
    }

    public String reason() {
        return reason;
    }

    /** The header of the missing required column, as BE1D spells it; null for other format errors. */
    public String missingColumn() {
        return missingColumn;
    }
}
