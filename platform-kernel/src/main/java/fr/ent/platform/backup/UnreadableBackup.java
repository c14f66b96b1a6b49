package fr.ent.platform.backup;

import fr.ent.platform.problem.InvalidInput;

/**
 * A backup refused before anything is written (ADR 0040): not a backup of ours ({@code backup-format}), another
 * collectivity's ({@code backup-other-collectivity}), a key version the ring no longer has ({@code
 * backup-key-unknown}), or bytes that do not authenticate ({@code backup-corrupt}: one byte changed, truncated, or
 * the wrong key). A 400 problem: sending the same bytes again will not help.
 */
public class UnreadableBackup extends RuntimeException {

    private final String code;
    private final String detail;

    public UnreadableBackup(String code, String detail) {
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

    public InvalidInput problem() {
        return new InvalidInput(code, detail);
    }
}
