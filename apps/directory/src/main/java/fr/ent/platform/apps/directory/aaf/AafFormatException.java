package fr.ent.platform.apps.directory.aaf;

/**
 * A file that cannot be read as AAF at all (bad name, not XML, a DTD or entity it would have to resolve): the whole
 * import is refused before anything is written. A readable file with bad records is not this: its records are
 * rejected one by one in the report. {@code line} is 0 when the problem is not at a line (the name).
 */
public class AafFormatException extends RuntimeException {

    private final String file;
    private final int line;
    private final String reason;

    public AafFormatException(String file, int line, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason, null, false, false);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
