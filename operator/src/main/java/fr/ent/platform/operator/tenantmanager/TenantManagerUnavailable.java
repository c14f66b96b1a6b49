package fr.ent.platform.operator.tenantmanager;

/**
 * tenant-manager could not be reached or answered with a server error: a transient condition, the reconciliation
 * is retried with backoff.
 */
public class TenantManagerUnavailable extends RuntimeException {

    public TenantManagerUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
