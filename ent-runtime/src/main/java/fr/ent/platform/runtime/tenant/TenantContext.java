package fr.ent.platform.runtime.tenant;

import jakarta.enterprise.context.RequestScoped;

/**
 * The one tenant context: the collectivity the current request is served for, set by
 * {@link TenantResolutionFilter} from the Host header and read by everything that touches tenant data.
 */
@RequestScoped
public class TenantContext {

    private Tenant tenant;

    void enter(Tenant resolved) {
        if (tenant != null && !tenant.id().equals(resolved.id())) {
            throw new IllegalStateException("a request cannot change tenant");
        }
        this.tenant = resolved;
    }

    /** The current collectivity; fails loudly outside a tenant request rather than guessing one. */
    public Tenant current() {
        if (tenant == null) {
            throw new IllegalStateException("no tenant context: tenant data is only reachable inside a tenant request");
        }
        return tenant;
    }

    public boolean isSet() {
        return tenant != null;
    }
}
