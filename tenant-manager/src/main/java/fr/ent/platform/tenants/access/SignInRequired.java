package fr.ent.platform.tenants.access;

/**
 * An operator page opened in a browser without a valid platform-admin token (no cookie, or its token expired or
 * refused): answered with the sign-in form (401) rather than a problem document (ADR 0026).
 *
 * @param messageKey the words saying why (pages bundle): sign-in required, or expired
 */
public final class SignInRequired extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String messageKey;

    public SignInRequired(String messageKey) {
        super(messageKey, null, false, false);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
