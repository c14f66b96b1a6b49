package fr.ent.platform.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.problem.DomainException;
import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenancy.TenantSchemaMigrator;
import fr.ent.platform.tenancy.TenantState;
import fr.ent.platform.tenants.identity.IdentityRealms;
import fr.ent.platform.tenants.lifecycle.CollectivityService;
import fr.ent.platform.tenants.provisioning.Provisioner;
import fr.ent.platform.tenants.registry.ProvisioningStep;
import fr.ent.platform.tenants.provisioning.StepGuard;
import fr.ent.platform.tenants.registry.StepRecord;
import fr.ent.platform.tenants.provisioning.TenantDatabase;
import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.registry.CollectivityRepository;
import fr.ent.platform.tenants.registry.NewCollectivity;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Provisioning, failure, resumption and deletion against a real PostgreSQL. */
class ProvisioningTest {

    /** The apps' versions this build migrates schemas to (directory=4,notifications=2,flash=1...). */
    private static final String TARGET_VERSION =
            TenantSchemaMigrator.ofInstalledApps(null, TenantSchemaMigrator.class.getClassLoader()).target().toString();

    private final DataSource db = EmbeddedDatabase.dataSource();
    private final CollectivityRepository registry = new CollectivityRepository(db);
    private final IdentityRealms realms = TestKeycloak.realms();
    private final TenantDatabase database = new TenantDatabase(db, Optional.empty());
    /** What the next provisioning step does before running: tests swap it to inject failures. */
    private final AtomicReference<StepGuard> guard = new AtomicReference<>(StepGuard.NONE);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Provisioner provisioner = new Provisioner(db, registry, database, realms,
            (c, step) -> guard.get().beforeStep(c, step), meters);
    private final CollectivityService service = new CollectivityService(registry, provisioner, database, realms,
            Runnable::run);

    static String uniqueSlug(String prefix) {
        return prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    static NewCollectivity request(String slug) {
        return NewCollectivity.of(slug, "commune", "Commune " + slug, List.of(slug + ".localhost"));
    }

    @Test
    void provisionedCollectivityHasItsSchemaTablesRoleAndSeed() throws SQLException {
        String slug = uniqueSlug("prov");
        Collectivity c = service.create(request(slug));

        assertThat(c.state()).isEqualTo(TenantState.ACTIVE);
        assertThat(c.schemaVersion()).isEqualTo(TARGET_VERSION);
        assertThat(service.steps(c)).extracting(StepRecord::status).containsOnly("DONE");
        assertThat(scalar("SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + c.names().schema()
                + "' AND table_name IN ('structure', 'ent_user', 'school_class')")).isEqualTo("3");
        assertThat(scalar("SELECT schema_owner FROM information_schema.schemata WHERE schema_name = '"
                + c.names().schema() + "'")).isEqualTo(c.names().role());
        assertThat(scalar("SELECT value FROM " + c.names().schema() + ".tenant_setting WHERE name = 'display_name'"))
                .isEqualTo("Commune " + slug);
        assertThat(scalar("SELECT rolcanlogin::text FROM pg_roles WHERE rolname = '" + c.names().role() + "'"))
                .isEqualTo("false");
    }

    @ParameterizedTest
    @EnumSource(ProvisioningStep.class)
    void failureAtAnyStepLeavesFailedAtThatStepAndRetryResumesThere(ProvisioningStep failing) {
        String slug = uniqueSlug("fail");
        guard.set((c, step) -> {
            if (step == failing) {
                throw new IllegalStateException("injected failure at " + step);
            }
        });
        Collectivity failed = service.create(request(slug));

        assertThat(failed.state()).isEqualTo(TenantState.FAILED);
        assertThat(failed.failedStep()).isEqualTo(failing.name());
        assertThat(failed.failureReason()).contains("injected failure");
        assertThat(service.steps(failed)).filteredOn(s -> s.step() == failing).singleElement()
                .satisfies(s -> assertThat(s.status()).isEqualTo("FAILED"));
        assertThat(meters.get("ent.provisioning.step").tags("step", failing.name(), "outcome", "failure").timer()
                .count()).isEqualTo(1);

        guard.set(StepGuard.NONE);
        Collectivity resumed = service.retry(slug);

        assertThat(resumed.state()).isEqualTo(TenantState.ACTIVE);
        assertThat(resumed.failedStep()).isNull();
        for (StepRecord step : service.steps(resumed)) {
            int expectedAttempts = step.step() == failing ? 2 : 1;
            assertThat(step.attempts()).as("attempts of %s", step.step()).isEqualTo(expectedAttempts);
        }
    }

    @Test
    void crashDuringAStepIsReportedAsFailedAtThatStepOnRestartAndResumes() {
        String slug = uniqueSlug("crash");
        guard.set((c, step) -> {
            if (step == ProvisioningStep.MIGRATIONS) {
                throw new SimulatedCrash(); // an Error escapes the step's bookkeeping, as a killed process would
            }
        });
        assertThatThrownBy(() -> service.create(request(slug))).isInstanceOf(SimulatedCrash.class);
        assertThat(service.get(slug).state()).isEqualTo(TenantState.PROVISIONING);

        assertThat(provisioner.failInterrupted()).isGreaterThanOrEqualTo(1);
        Collectivity after = service.get(slug);
        assertThat(after.state()).isEqualTo(TenantState.FAILED);
        assertThat(after.failedStep()).isEqualTo("MIGRATIONS");

        guard.set(StepGuard.NONE);
        assertThat(service.retry(slug).state()).isEqualTo(TenantState.ACTIVE);
    }

    static final class SimulatedCrash extends Error {
    }

    @Test
    void domainOwnedByAnotherCollectivityIsRefusedAndNothingIsRecorded() {
        String first = uniqueSlug("own");
        service.create(request(first));
        String second = uniqueSlug("thief");
        NewCollectivity stealing = NewCollectivity.of(second, "commune", "Thief", List.of(first + ".localhost"));

        assertThatThrownBy(() -> service.create(stealing)).isInstanceOfSatisfying(DomainException.class,
                p -> assertThat(p.code()).isEqualTo("domain-taken"));
        assertThat(registry.find(second)).isEmpty();
    }

    @Test
    void deleteDropsSchemaAndRoleOrRetainsThem() throws SQLException {
        String dropped = uniqueSlug("del");
        String kept = uniqueSlug("keep");
        for (String slug : List.of(dropped, kept)) {
            service.create(request(slug));
            assertThatThrownBy(() -> service.delete(slug, false)).as("active tenants are archived first")
                    .isInstanceOf(DomainException.class);
            service.archive(slug);
        }
        service.delete(dropped, false);
        service.delete(kept, true);

        TenantNames d = service.get(dropped).names();
        TenantNames k = service.get(kept).names();
        assertThat(service.get(dropped).state()).isEqualTo(TenantState.DELETED);
        assertThat(service.get(dropped).domains()).isEmpty();
        assertThat(scalar("SELECT count(*) FROM pg_namespace WHERE nspname = '" + d.schema() + "'")).isEqualTo("0");
        assertThat(scalar("SELECT count(*) FROM pg_roles WHERE rolname = '" + d.role() + "'")).isEqualTo("0");
        assertThat(scalar("SELECT count(*) FROM pg_namespace WHERE nspname = '" + k.schema() + "'")).isEqualTo("1");
        assertThat(service.get(kept).dataRetained()).isTrue();
    }

    @Test
    void aCollectivityRoleCannotReadAnotherCollectivitySchema() throws SQLException {
        Collectivity a = service.create(request(uniqueSlug("rolea")));
        Collectivity b = service.create(request(uniqueSlug("roleb")));
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SET LOCAL ROLE " + TenantNames.quote(a.names().role()));
            s.executeQuery("SELECT count(*) FROM " + a.names().schema() + ".ent_user").close();
            assertThatThrownBy(() -> s.executeQuery("SELECT count(*) FROM " + b.names().schema() + ".ent_user"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            c.rollback();
        }
    }

    private String scalar(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
