package fr.ent.platform.transfer;

import fr.ent.platform.problem.InvalidInput;

/**
 * A collectivity's archive refused before anything is written: not a ZIP, no or an unknown manifest, an entry
 * missing, unlisted or whose bytes do not give the SHA-256 (or the row count) the manifest states. A 400 problem
 * ({@code export-archive-corrupt} and its kin): sending the same bytes again will not help, another copy might.
 */
public class CorruptArchive extends RuntimeException {

    private final String code;
    private final String detail;

    public CorruptArchive(String code, String detail) {
        super(code + ": " + detail);
        this.code = code;
        this.detail = detail;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    /** The problem answered over HTTP: the code and what was wrong, in the problem's detail. */
    public InvalidInput problem() {
        return new InvalidInput(code, detail);
    }
}
