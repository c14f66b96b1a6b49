package fr.ent.platform.tenants.lifecycle;

import fr.ent.platform.tenants.identity.IdentityRealms;
import fr.ent.platform.tenants.identity.RealmDefinition;
import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.registry.CollectivityRepository;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * At start-up: every collectivity with a realm (ACTIVE, SUSPENDED, ARCHIVED) whose realm is behind the current
 * realm definition ({@link RealmDefinition#VERSION}, recorded per collectivity in the registry) gets it created or
 * realigned (enabled only when ACTIVE, domains, display name, roles, clients, flows, identity providers), then the
 * version recorded. Realms already at the version are not walked: at hundreds of realms a full walk costs ~20 admin
 * calls each at every start. Behind means: made before the version was recorded (migration V6 leaves it NULL, so
 * the first start after it walks every realm once, which covers collectivities provisioned before the REALM step
 * existed), made by an older definition, or marked out of date by a change that did not reach Keycloak.
 */
public class RealmReconciliation {

    private static final Logger LOG = Logger.getLogger(RealmReconciliation.class.getName());

    private final CollectivityRepository registry;
    private final IdentityRealms realms;
    private final Consumer<Collectivity> afterRealm;

    public RealmReconciliation(CollectivityRepository registry, IdentityRealms realms) {
        this(registry, realms, c -> { });
    }

    /** {@code afterRealm}: what else lives in the realm and comes from the registry (identity providers). */
    public RealmReconciliation(CollectivityRepository registry, IdentityRealms realms, Consumer<Collectivity> afterRealm) {
        this.registry = registry;
        this.realms = realms;
        this.afterRealm = afterRealm;
    }

    /**
     * Returns the slugs whose realm could not be reconciled (logged; their version stays behind, so the next start
     * tries again).
     */
    public List<String> run() {
        List<Collectivity> behind = registry.realmsBehind(RealmDefinition.VERSION);
        LOG.info(() -> "Keycloak realms behind definition " + RealmDefinition.VERSION + ": " + behind.size());
        List<String> failed = new java.util.ArrayList<>();
        int done = 0;
        for (Collectivity c : behind) {
            try {
                realms.ensureRealm(c);
                afterRealm.accept(c);
                registry.recordRealmVersion(c.id(), RealmDefinition.VERSION);
            } catch (RuntimeException e) {
                failed.add(c.slug());
                LOG.log(Level.WARNING, "tenant=" + c.slug() + " realm not reconciled", e);
            }
            done++;
            if (done % 50 == 0 || done == behind.size()) {
                int n = done;
                LOG.info(() -> "Keycloak realms reconciled: " + n + "/" + behind.size());
            }
        }
        return failed;
    }
}
