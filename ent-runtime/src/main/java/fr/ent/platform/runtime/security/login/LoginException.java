package fr.ent.platform.runtime.security.login;

/** A login, refresh or logout step that could not complete; the message is for the log, not the user. */
class LoginException extends Exception {

    LoginException(String message, Throwable cause) {
        super(message, cause);
    }
}
