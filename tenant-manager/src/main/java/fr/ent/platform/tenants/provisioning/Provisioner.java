package fr.ent.platform.tenants.provisioning;


import fr.ent.platform.tenancy.TenantState;
import fr.ent.platform.tenants.identity.DirectoryFederationSetup;
import fr.ent.platform.tenants.identity.IdentityRealms;
import fr.ent.platform.tenants.identity.RealmDefinition;
import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.registry.CollectivityRepository;
import fr.ent.platform.tenants.registry.ProvisioningStep;
import fr.ent.platform.tenants.registry.StepRecord;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import fr.ent.platform.tenants.shards.ShardRegistry;
import javax.sql.DataSource;

/**
 * Runs the provisioning steps of a collectivity that is PROVISIONING, skipping the steps already DONE, so that
 * a retry resumes where the last attempt stopped. While it runs it holds a PostgreSQL advisory lock on the
 * collectivity: a second provisioner (another retry, another instance) cannot run it at the same time, and if
 * this process dies the lock dies with its connection, which is how {@link #failInterrupted()} recognises
 * provisioning that a crash interrupted.
 */
public class Provisioner {

    private static final Logger LOG = Logger.getLogger(Provisioner.class.getName());

    private final DataSource dataSource;
    private final CollectivityRepository registry;
    private final TenantDatabase database;
    private final IdentityRealms realms;
    private final StepGuard guard;
    private final MeterRegistry meters;
    private final Optional<DirectoryFederationSetup> federation;

    /** {@code meters}: where each step's duration goes, as {@code ent_provisioning_step_seconds{step, outcome}}. */
    public Provisioner(DataSource dataSource, CollectivityRepository registry, TenantDatabase database,
            IdentityRealms realms, StepGuard guard, MeterRegistry meters) {
        this(dataSource, registry, database, realms, guard, meters, Optional.empty());
    }

    /**
     * {@code federation}: when present, the REALM step also gives the realm its directory provider and the
     * collectivity its federation role (ADR 0043).
     */
    public Provisioner(DataSource dataSource, CollectivityRepository registry, TenantDatabase database,
            IdentityRealms realms, StepGuard guard, MeterRegistry meters,
            Optional<DirectoryFederationSetup> federation) {
        this.federation = federation;
        this.dataSource = dataSource;
        this.registry = registry;
        this.database = database;
        this.realms = realms;
        this.guard = guard;
        this.meters = meters;
    }

    /** Provisions the collectivity; returns the state it ends in (ACTIVE, FAILED, or unchanged if busy). */
    public TenantState provision(String slug) {
        Collectivity collectivity = registry.find(slug).orElseThrow();
        try (Connection lock = dataSource.getConnection()) {
            if (!tryLock(lock, collectivity.id())) {
                LOG.info(() -> "tenant=" + slug + " provisioning already running elsewhere");
                return collectivity.state();
            }
            try {
                collectivity = registry.find(slug).orElseThrow();
                if (collectivity.state() != TenantState.PROVISIONING) {
                    return collectivity.state();
                }
                return runSteps(collectivity);
            } finally {
                unlock(lock, collectivity.id());
            }
        } catch (SQLException e) {
            LOG.log(Level.SEVERE, "tenant=" + slug + " provisioning could not start", e);
            return TenantState.PROVISIONING;
        }
    }

    private TenantState runSteps(Collectivity collectivity) {
        String slug = collectivity.slug();
        List<StepRecord> recorded = registry.steps(collectivity.id());
        for (StepRecord record : recorded) {
            if (record.done()) {
                continue;
            }
            ProvisioningStep step = record.step();
            registry.stepStarted(collectivity.id(), step);
            long started = System.nanoTime();
            try {
                guard.beforeStep(collectivity, step);
                run(collectivity, step);
            } catch (Exception e) {
                time(step, "failure", started);
                String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
                LOG.log(Level.WARNING, "tenant=" + slug + " provisioning step " + step + " failed", e);
                try {
                    registry.stepFailed(collectivity.id(), step, reason);
                    registry.markFailed(collectivity.id(), step, reason);
                } catch (RuntimeException bookkeeping) {
                    // The registry itself is failing: the collectivity stays PROVISIONING with this step RUNNING,
                    // which failInterrupted() turns into FAILED at this step at the next start.
                    LOG.log(Level.SEVERE, "tenant=" + slug + " cannot record the failure of " + step, bookkeeping);
                }
                return TenantState.FAILED;
            }
            registry.stepDone(collectivity.id(), step);
            time(step, "success", started);
            long millis = (System.nanoTime() - started) / 1_000_000;
            LOG.info(() -> "tenant=" + slug + " provisioning step " + step + " done in " + millis + " ms ("
                    + (step.ordinal() + 1) + "/" + ProvisioningStep.values().length + ")");
        }
        registry.markActive(collectivity.id());
        LOG.info(() -> "tenant=" + slug + " is ACTIVE");
        return TenantState.ACTIVE;
    }

    private void time(ProvisioningStep step, String outcome, long startedNanos) {
        Timer.builder("ent.provisioning.step").description("Duration of a provisioning step, by outcome")
                .tag("step", step.name()).tag("outcome", outcome).register(meters)
                .record(System.nanoTime() - startedNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    private void run(Collectivity collectivity, ProvisioningStep step) throws SQLException {
        switch (step) {
            case SCHEMA -> database.createSchemaAndRole(collectivity.names());
            case MIGRATIONS -> registry.recordSchemaVersion(collectivity.id(), database.migrate(collectivity.names()));
            case REALM -> {
                new ShardRegistry(dataSource).place(collectivity); // its Keycloak server, before its realm (ADR 0044)
                realms.ensureRealm(collectivity);
                if (federation.isPresent()) {
                    federation.get().ensure(collectivity);
                }
                // A new realm has no identity providers yet: it is the current definition in full.
                registry.recordRealmVersion(collectivity.id(), RealmDefinition.VERSION);
            }
            // On a platform whose realms get the directory provider, a new collectivity's accounts are made in its
            // directory from the start (ADR 0043, amended): its imports need no copy into Keycloak.
            case SEED -> database.seed(collectivity, federation.isPresent());
        }
    }

    /**
     * At start-up: a collectivity left PROVISIONING (or REQUESTED) whose lock nobody holds was interrupted by a
     * crash. It becomes FAILED at the step that was running (or the first not done), so a retry resumes there.
     */
    public int failInterrupted() {
        int failed = 0;
        for (Collectivity c : registry.list(EnumSet.of(TenantState.PROVISIONING, TenantState.REQUESTED))) {
            try (Connection lock = dataSource.getConnection()) {
                if (!tryLock(lock, c.id())) {
                    continue;
                }
                try {
                    ProvisioningStep at = registry.steps(c.id()).stream().filter(s -> !s.done())
                            .map(StepRecord::step).findFirst().orElse(ProvisioningStep.SEED);
                    if (registry.transition(c.id(), EnumSet.of(TenantState.PROVISIONING, TenantState.REQUESTED),
                            TenantState.FAILED)) {
                        registry.stepFailed(c.id(), at, "interrupted: the platform stopped during this step");
                        registry.markFailed(c.id(), at, "interrupted: the platform stopped during this step");
                        failed++;
                        LOG.warning(() -> "tenant=" + c.slug() + " provisioning was interrupted at " + at
                                + "; it is FAILED and can be retried");
                    }
                } finally {
                    unlock(lock, c.id());
                }
            } catch (SQLException e) {
                LOG.log(Level.WARNING, "tenant=" + c.slug() + " cannot check interrupted provisioning", e);
            }
        }
        return failed;
    }

    private static boolean tryLock(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(4242, hashtext(?))")) {
            ps.setString(1, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(4242, hashtext(?))")) {
            ps.setString(1, id.toString());
            ps.execute();
        }
    }
}
