package fr.ent.platform.tenants.identity;

/** Keycloak refused or failed a request (status and body kept for the log and the provisioning record). */
public class KeycloakException extends RuntimeException {

    private final int status;

    public KeycloakException(String message, int status) {
        super(message);
        this.status = status;
    }

    public KeycloakException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    /** The HTTP status Keycloak answered, 0 if it could not be reached. */
    public int status() {
        return status;
    }
}
