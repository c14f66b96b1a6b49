package fr.ent.platform.tenants.lifecycle;

import fr.ent.platform.tenancy.TenantState;
import fr.ent.platform.tenants.identity.IdentityRealms;
import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.registry.CollectivityRepository;
import java.util.EnumSet;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * At start-up: every collectivity the registry says exists (ACTIVE, SUSPENDED, ARCHIVED) gets its realm created or
 * realigned (enabled only when ACTIVE, domains, display name). This covers collectivities provisioned before the
 * REALM step existed (migration V2 records their step as done) and changes Keycloak missed while unreachable.
 */
public class RealmReconciliation {

    private static final Logger LOG = Logger.getLogger(RealmReconciliation.class.getName());

    private final CollectivityRepository registry;
    private final IdentityRealms realms;
    private final java.util.function.Consumer<Collectivity> afterRealm;

    public RealmReconciliation(CollectivityRepository registry, IdentityRealms realms) {
        this(registry, realms, c -> { });
    }

    /** {@code afterRealm}: what else lives in the realm and comes from the registry (identity providers). */
    public RealmReconciliation(CollectivityRepository registry, IdentityRealms realms,
            java.util.function.Consumer<Collectivity> afterRealm) {
        this.registry = registry;
        this.realms = realms;
        this.afterRealm = afterRealm;
    }

    /** Returns the slugs whose realm could not be reconciled (logged; the next start tries again). */
    public List<String> run() {
        List<Collectivity> all = registry.list(EnumSet.of(TenantState.ACTIVE, TenantState.SUSPENDED,
                TenantState.ARCHIVED));
        List<String> failed = new java.util.ArrayList<>();
        int done = 0;
        for (Collectivity c : all) {
            try {
                realms.ensureRealm(c);
                afterRealm.accept(c);
            } catch (RuntimeException e) {
                failed.add(c.slug());
                LOG.log(Level.WARNING, "tenant=" + c.slug() + " realm not reconciled", e);
            }
            done++;
            if (done % 50 == 0 || done == all.size()) {
                int n = done;
                LOG.info(() -> "Keycloak realms reconciled: " + n + "/" + all.size());
            }
        }
        return failed;
    }
}
