package fr.ent.platform.tenants.lifecycle;

import fr.ent.platform.problem.Conflict;
import fr.ent.platform.problem.DependencyFailed;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.problem.OperationFailed;
import fr.ent.platform.problem.Unavailable;
import fr.ent.platform.tenancy.TenantState;
import fr.ent.platform.tenants.identity.IdentityRealms;
import fr.ent.platform.tenants.provisioning.Provisioner;
import fr.ent.platform.tenants.registry.ProvisioningStep;
import fr.ent.platform.tenants.registry.StepRecord;
import fr.ent.platform.tenants.provisioning.TenantDatabase;
import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.registry.CollectivityChange;
import fr.ent.platform.tenants.registry.CollectivityRepository;
import fr.ent.platform.tenants.registry.NewCollectivity;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** What a hosting operator does with a collectivity: create it, suspend, resume, archive, delete, retry. */
public class CollectivityService {

    private static final Logger LOG = Logger.getLogger(CollectivityService.class.getName());

    private final CollectivityRepository registry;
    private final Provisioner provisioner;
    private final TenantDatabase database;
    private final IdentityRealms realms;
    private final Executor provisioning;

    public CollectivityService(CollectivityRepository registry, Provisioner provisioner, TenantDatabase database,
            IdentityRealms realms, Executor provisioning) {
        this.registry = registry;
        this.provisioner = provisioner;
        this.database = database;
        this.realms = realms;
        this.provisioning = provisioning;
    }

    /** Records the collectivity and starts provisioning it in the background; returns it PROVISIONING. */
    public Collectivity create(NewCollectivity request) {
        requireIdentity();
        Collectivity created = registry.insert(request);
        LOG.info(() -> "tenant=" + created.slug() + " requested (" + created.kind() + ", " + created.domains() + ")");
        registry.transition(created.id(), EnumSet.of(TenantState.REQUESTED), TenantState.PROVISIONING);
        startProvisioning(created);
        return get(created.slug());
    }

    /** Resumes the provisioning of a FAILED collectivity at its failed step. */
    public Collectivity retry(String slug) {
        requireIdentity();
        Collectivity c = get(slug);
        move(c, EnumSet.of(TenantState.FAILED), TenantState.PROVISIONING);
        startProvisioning(c);
        return get(slug);
    }

    /**
     * Changes the display name, kind or domains of a collectivity that is not deleted. Domains take effect on the
     * runtime within a second (registry revision); the collectivity's own settings are re-seeded if its schema exists.
     */
    public Collectivity change(String slug, CollectivityChange change) {
        requireIdentity();
        Collectivity c = get(slug);
        if (c.state() == TenantState.DELETED) {
            throw new Conflict("illegal-transition", slug, c.state(), c.state());
        }
        registry.update(c.id(), change);
        Collectivity changed = get(slug);
        if (changed.state().isServedByRuntime()) {
            try {
                database.seed(changed);
            } catch (SQLException e) {
                throw new IllegalStateException("tenant=" + slug + " settings not updated: " + e.getMessage(), e);
            }
        }
        if (changed.state() != TenantState.DELETED) {
            try {
                if (realms.exists(changed)) {
                    // Display name, domains (redirect URIs, web origins, logout URL) follow the registry.
                    realms.ensureRealm(changed);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "tenant=" + slug + " realm not updated after a change", e);
                registry.markRealmOutOfDate(c.id()); // the next start-up reconciliation brings it in line
                throw new DependencyFailed("identity-out-of-date", slug, e.getMessage());
            }
        }
        LOG.info(() -> "tenant=" + slug + " changed: " + change);
        return changed;
    }

    /** ACTIVE → SUSPENDED; its realm is disabled and its sessions ended. */
    public Collectivity suspend(String slug) {
        return moveWithRealm(get(slug), EnumSet.of(TenantState.ACTIVE), TenantState.SUSPENDED, false);
    }

    /** SUSPENDED → ACTIVE; its realm is enabled again. */
    public Collectivity resume(String slug) {
        return moveWithRealm(get(slug), EnumSet.of(TenantState.SUSPENDED), TenantState.ACTIVE, true);
    }

    /** ACTIVE or SUSPENDED → ARCHIVED; its realm stays, disabled, until deletion. */
    public Collectivity archive(String slug) {
        return moveWithRealm(get(slug), EnumSet.of(TenantState.ACTIVE, TenantState.SUSPENDED), TenantState.ARCHIVED,
                false);
    }

    /**
     * The state changes first (a conditional update, so a concurrent change loses cleanly), then the realm; if
     * Keycloak fails, the state is put back and the operator gets identity-failed: registry and realm never disagree.
     */
    private Collectivity moveWithRealm(Collectivity c, Set<TenantState> from, TenantState to, boolean enabled) {
        requireIdentity();
        Collectivity moved = move(c, from, to);
        try {
            realms.setEnabled(moved, enabled);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "tenant=" + c.slug() + " realm not " + (enabled ? "enabled" : "disabled")
                    + "; state put back to " + c.state(), e);
            registry.transition(c.id(), EnumSet.of(to), c.state());
            // Keycloak may have applied part of it: the next start-up reconciliation realigns the realm.
            registry.markRealmOutOfDate(c.id());
            throw new DependencyFailed("identity-failed", c.slug(), e.getMessage());
        }
        return moved;
    }

    /**
     * Deletes an archived (or failed, or never provisioned) collectivity: drops its schema, role and Keycloak realm
     * unless {@code retainData}, releases its domains, and keeps the registry row (state DELETED) as a record; the slug
     * stays reserved so that retained data can never be confused with a new tenant.
     */
    public Collectivity delete(String slug, boolean retainData) {
        requireIdentity();
        Collectivity c = get(slug);
        Set<TenantState> deletable = EnumSet.of(TenantState.ARCHIVED, TenantState.FAILED, TenantState.REQUESTED);
        if (!deletable.contains(c.state())) {
            throw new Conflict("illegal-transition", slug, c.state(), TenantState.DELETED);
        }
        // Every removal is idempotent: if one fails the collectivity keeps its state and a new DELETE finishes.
        try {
            if (retainData) {
                realms.setEnabled(c, false); // kept for the record, nobody logs in to a deleted collectivity
            } else {
                database.drop(c.names());
                realms.deleteRealm(c);
            }
        } catch (SQLException | RuntimeException e) {
            throw new OperationFailed("deletion-failed", slug, e.getMessage());
        }
        registry.markDeleted(c.id(), retainData);
        LOG.info(() -> "tenant=" + slug + " deleted" + (retainData ? " (schema, role and realm retained)" : ""));
        return get(slug);
    }

    /** A change to the realm did not reach Keycloak: the next start-up reconciliation applies it again. */
    public void realmOutOfDate(Collectivity c) {
        registry.markRealmOutOfDate(c.id());
    }

    public Collectivity get(String slug) {
        return registry.find(slug).orElseThrow(() -> new NotFound("collectivity-not-found", slug));
    }

    public List<Collectivity> list(Set<TenantState> states) {
        return registry.list(states);
    }

    public List<StepRecord> steps(Collectivity c) {
        return registry.steps(c.id());
    }

    private Collectivity move(Collectivity c, Set<TenantState> from, TenantState to) {
        if (!registry.transition(c.id(), from, to)) {
            TenantState now = get(c.slug()).state();
            throw new Conflict("illegal-transition", c.slug(), now, to);
        }
        LOG.info(() -> "tenant=" + c.slug() + " " + c.state() + " -> " + to);
        return get(c.slug());
    }

    /**
     * Without Keycloak, provisioning would leave collectivities nobody can log in to, and lifecycle changes would
     * leave realms out of step: refused before anything changes (unavailable, naming the setting).
     */
    private void requireIdentity() {
        if (!realms.configured()) {
            throw new Unavailable("identity-not-configured");
        }
    }

    private void startProvisioning(Collectivity c) {
        try {
            provisioning.execute(() -> provisioner.provision(c.slug()));
        } catch (RejectedExecutionException e) {
            registry.markFailed(c.id(), firstPending(c), "provisioning could not be scheduled: " + e.getMessage());
        }
    }

    private ProvisioningStep firstPending(Collectivity c) {
        return registry.steps(c.id()).stream().filter(s -> !s.done()).map(StepRecord::step).findFirst()
                .orElse(ProvisioningStep.SCHEMA);
    }
}
