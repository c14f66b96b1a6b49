package fr.ent.platform.tenants;

import static fr.ent.platform.tenants.ProvisioningTest.request;
import static fr.ent.platform.tenants.ProvisioningTest.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.migration.IndexedMigrations;
import fr.ent.platform.problem.DomainException;
import fr.ent.platform.problem.ProblemStatuses;
import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenancy.TenantSchemaMigrator;
import fr.ent.platform.tenancy.TenantState;
import fr.ent.platform.tenants.identity.IdentityRealms;
import fr.ent.platform.tenants.lifecycle.CollectivityService;
import fr.ent.platform.tenants.lifecycle.SchemaUpgrade;
import fr.ent.platform.tenants.provisioning.Provisioner;
import fr.ent.platform.tenants.provisioning.StepGuard;
import fr.ent.platform.tenants.provisioning.TenantDatabase;
import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.registry.CollectivityRepository;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

@Isolated // the upgrade walks every collectivity of the shared registry and asserts on what it finds
class ConcurrencyAndUpgradeTest {

    /** The apps' versions this build migrates schemas to (directory=4,notifications=2,flash=1...). */
    private static final String TARGET_VERSION =
            TenantSchemaMigrator.ofInstalledApps(null, TenantSchemaMigrator.class.getClassLoader()).target().toString();

    private final DataSource db = EmbeddedDatabase.dataSource();
    private final CollectivityRepository registry = new CollectivityRepository(db);
    private final IdentityRealms realms = TestKeycloak.realms();
    private final TenantDatabase database = new TenantDatabase(db, Optional.empty());
    private final Provisioner provisioner = new Provisioner(db, registry, database, realms, StepGuard.NONE,
            new SimpleMeterRegistry());
    private final CollectivityService service = new CollectivityService(registry, provisioner, database, realms,
            Runnable::run);

    @Test
    void twoConcurrentCreationsOfOneSlugMakeExactlyOneCollectivity() throws Exception {
        String slug = uniqueSlug("race");
        int contenders = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        List<Future<Object>> results = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    return service.create(request(slug));
                } catch (DomainException e) {
                    return e;
                }
            }));
        }
        start.countDown();
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> f : results) {
            outcomes.add(f.get());
        }
        pool.shutdown();

        assertThat(outcomes).filteredOn(Collectivity.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(DomainException.class::isInstance)
                .allSatisfy(p -> assertThat(ProblemStatuses.status((DomainException) p)).isEqualTo(409))
                .hasSize(contenders - 1);
        assertThat(scalar("SELECT count(*) FROM platform.collectivity WHERE slug = '" + slug + "'")).isEqualTo("1");
        assertThat(scalar("SELECT count(*) FROM platform.collectivity_domain WHERE domain = '" + slug + ".localhost'"))
                .isEqualTo("1");
        assertThat(service.get(slug).state()).isEqualTo(TenantState.ACTIVE);
    }

    @Test
    void schemaUpgradeMigratesManyCollectivitiesInParallelAndReportsTheOneThatFails() throws Exception {
        // Collectivities whose schema exists but was never migrated: what a new runtime version finds. Three times
        // the upgrade's 4 workers: enough to run them all at once several times over (each schema gets every app's
        // migrations, ~2 s apiece on this machine, so each collectivity more costs the CI budget).
        List<Collectivity> behind = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Collectivity c = registry.insert(request(uniqueSlug("upg")));
            database.createSchemaAndRole(c.names());
            registry.transition(c.id(), java.util.EnumSet.of(TenantState.REQUESTED), TenantState.ACTIVE);
            behind.add(c);
        }
        // One schema is broken: a table of that name already exists, owned by someone else.
        TenantNames broken = behind.get(7).names();
        execute("CREATE TABLE " + broken.schema() + ".structure (id int)");

        SchemaUpgrade upgrade = new SchemaUpgrade(registry, database, 4);
        SchemaUpgrade.Progress progress = upgrade.run();

        assertThat(progress.total()).isGreaterThanOrEqualTo(12);
        assertThat(progress.failed()).containsOnlyKeys(behind.get(7).slug());
        assertThat(progress.migrated()).isEqualTo(progress.total() - 1);
        for (Collectivity c : behind) {
            Collectivity now = service.get(c.slug());
            if (c.slug().equals(behind.get(7).slug())) {
                assertThat(now.schemaVersion()).isNull();
                assertThat(now.schemaError()).isNotBlank();
            } else {
                assertThat(now.schemaVersion()).isEqualTo(TARGET_VERSION);
            }
        }
        assertThat(registry.schemasBehind(TARGET_VERSION)).extracting(Collectivity::slug)
                .containsExactly(behind.get(7).slug());
        // Fixing the schema and running again migrates it.
        execute("DROP TABLE " + broken.schema() + ".structure");
        assertThat(upgrade.run().failed()).isEmpty();
        assertThat(service.get(behind.get(7).slug()).schemaVersion()).isEqualTo(TARGET_VERSION);
    }

    @Test
    void aSchemaMigratedBeforeAppsHadTheirOwnHistoriesKeepsItsDirectoryHistoryAndGetsTheNewApps() throws Exception {
        Collectivity c = registry.insert(request(uniqueSlug("legacy")));
        database.createSchemaAndRole(c.names());
        registry.transition(c.id(), java.util.EnumSet.of(TenantState.REQUESTED), TenantState.ACTIVE);
        String schema = c.names().schema();
        // What the build before app modules did: the directory's migrations, as the collectivity's role, recorded in
        // Flyway's default history table; the registry said "2".
        IndexedMigrations.configure("db/apps/directory", getClass().getClassLoader()).dataSource(db)
                .schemas(schema).defaultSchema(schema).createSchemas(false).target("2")
                .initSql("SET ROLE " + TenantNames.quote(c.names().role())).load().migrate();
        registry.recordSchemaVersion(c.id(), "2");
        execute("INSERT INTO " + schema + ".structure (id, uai, name, type, education_level)"
                + " VALUES (gen_random_uuid(), '0750001A', 'École gardée', 'ECOLE', '1D')");

        assertThat(new SchemaUpgrade(registry, database, 2).run().failed()).doesNotContainKey(c.slug());

        assertThat(service.get(c.slug()).schemaVersion()).isEqualTo(TARGET_VERSION);
        // its two migrations kept, and the directory's later ones applied on top
        // (as many as the directory has migrations: versions may have gaps while branches add theirs)
        assertThat(scalar("SELECT count(*) FROM " + schema + ".flyway_history_directory WHERE success"))
                .isEqualTo(String.valueOf(IndexedMigrations.index("db/apps/directory", getClass().getClassLoader())
                        .size()));
        assertThat(scalar("SELECT to_regclass('" + schema + ".flyway_schema_history') IS NULL")).isEqualTo("t");
        assertThat(scalar("SELECT to_regclass('" + schema + ".delivery') IS NOT NULL")).isEqualTo("t");
        assertThat(scalar("SELECT name FROM " + schema + ".structure")).isEqualTo("École gardée");
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private String scalar(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
