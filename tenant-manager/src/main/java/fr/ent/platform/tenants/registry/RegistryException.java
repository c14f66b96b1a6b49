package fr.ent.platform.tenants.registry;

/** The registry database could not be read or written: an infrastructure failure, answered with a 500. */
public class RegistryException extends RuntimeException {

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
