package fr.ent.platform.runtime.security.login;

/** A login, refresh or logout step that could not complete; the message is for the log, not the user. */
class LoginException extends Exception {

    private final boolean unreachable;

    LoginException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private LoginException(String message, Throwable cause, boolean unreachable) {
        super(message, cause);
        this.unreachable = unreachable;
    }

    /** Keycloak did not answer (down, or a gateway in front of it said so): nothing was refused. */
    static LoginException unreachable(String message, Throwable cause) {
        return new LoginException(message, cause, true);
    }

    boolean unreachable() {
        return unreachable;
    }
}
