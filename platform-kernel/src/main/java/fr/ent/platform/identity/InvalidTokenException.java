package fr.ent.platform.identity;

/**
 * A token that must not be trusted. The reason is for logs and tests; callers answer every reason with the same
 * 401 so that an attacker learns nothing about which check failed.
 */
public class InvalidTokenException extends Exception {

    /** Why a token was refused. */
    public enum Reason {
        MALFORMED, UNSIGNED, WRONG_ISSUER, BAD_SIGNATURE, EXPIRED, WRONG_AUDIENCE, WRONG_TYPE, KEYS_UNAVAILABLE
    }

    private final Reason reason;

    public InvalidTokenException(Reason reason, String detail, Throwable cause) {
        super(reason + ": " + detail, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
