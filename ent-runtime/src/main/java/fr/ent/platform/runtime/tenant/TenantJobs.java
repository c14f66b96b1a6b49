package fr.ent.platform.runtime.tenant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * The door for work done for a collectivity outside one of its requests (a delivery when quiet hours end, a
 * fan-out that continues after a restart): it opens a request context of its own bound to that one
 * collectivity, so that {@code TenantData} and everything else read the tenant exactly as in a request, and
 * nothing can reach another collectivity. Only active collectivities are worked for.
 */
@ApplicationScoped
public class TenantJobs {

    @Inject
    TenantContext context;

    @Inject
    TenantRegistry registry;

    /** Runs {@code work} as {@code tenant}; fails if the collectivity is not active. */
    @ActivateRequestContext
    public <T> T as(Tenant tenant, Supplier<T> work) {
        if (tenant.state() != fr.ent.platform.tenancy.TenantState.ACTIVE) {
            throw new IllegalStateException("work for " + tenant.slug() + " while it is " + tenant.state());
        }
        context.enter(tenant);
        return work.get();
    }

    /** The active collectivities, for jobs that visit each. */
    public java.util.List<Tenant> active() {
        return registry.all().stream().filter(t -> t.state() == fr.ent.platform.tenancy.TenantState.ACTIVE).toList();
    }
}
