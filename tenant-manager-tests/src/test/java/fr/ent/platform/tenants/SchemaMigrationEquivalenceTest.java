package fr.ent.platform.tenants;

import static fr.ent.platform.tenants.ProvisioningTest.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.migration.IndexedMigrations;
import fr.ent.platform.tenancy.AppSchemas;
import fr.ent.platform.tenancy.Slug;
import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenancy.TenantSchemaMigrator;
import fr.ent.platform.tenants.provisioning.TenantDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

/**
 * A collectivity schema migrated by {@link TenantSchemaMigrator} (each app's Flyway built once and lent, scripts read
 * once and sent whole: issue 19) is the schema plain Flyway makes, one Flyway per app and schema as before: same
 * tables, columns, constraints, indexes, functions and triggers, same history rows (versions, descriptions, scripts,
 * checksums, types, order), except that every app's history starts with Flyway's baseline row, the first app's too
 * (see {@link #baselinedEverywhere}). A schema made by plain Flyway, at older versions, is carried forward to the same.
 */
class SchemaMigrationEquivalenceTest {

    private static final ClassLoader LOADER = TenantSchemaMigrator.class.getClassLoader();

    private final DataSource db = EmbeddedDatabase.dataSource();
    private final TenantDatabase database = new TenantDatabase(db, Optional.empty());
    private final List<String> apps = TenantSchemaMigrator.installedApps(LOADER).stream()
            .filter(app -> AppSchemas.highestVersion(app, LOADER).isPresent()).toList();

    /** A schema made by plain Flyway, all apps at their last version: what every test compares with. */
    private record Reference(List<String> objects, Map<String, List<String>> histories) {
    }

    private static Reference reference;

    private synchronized Reference plain() throws SQLException {
        if (reference == null) {
            TenantNames plain = fresh("plain");
            plainFlyway(plain, Map.of());
            reference = new Reference(objects(plain), histories(plain));
        }
        return reference;
    }

    @Test
    void aSchemaMigratedByTheMigratorIsTheSchemaPlainFlywayMakes() throws Exception {
        TenantNames lent = fresh("lent");
        assertThat(database.migrate(lent)).isEqualTo(database.targetVersion());

        assertThat(objects(lent)).isEqualTo(plain().objects()).isNotEmpty();
        assertThat(histories(lent)).isEqualTo(baselinedEverywhere(plain().histories()));
        // the directory, first app of the empty schema: its migrations, after the baseline row plain Flyway omits
        assertThat(plain().histories().get("directory")).noneMatch(row -> row.contains("| BASELINE |"));
        assertThat(histories(lent).get("directory")).hasSize(
                IndexedMigrations.index(AppSchemas.folder("directory"), LOADER).size() + 1);
    }

    @Test
    void schemasMigratedAtOnceByOneMigratorEachGetTheirOwnObjects() throws Exception {
        List<TenantNames> schemas = List.of(fresh("conc"), fresh("conc"), fresh("conc"));
        ExecutorService pool = Executors.newFixedThreadPool(schemas.size());
        try {
            List<Future<String>> done = new ArrayList<>();
            for (TenantNames names : schemas) {
                done.add(pool.submit(() -> database.migrate(names)));
            }
            for (Future<String> f : done) {
                assertThat(f.get()).isEqualTo(database.targetVersion());
            }
        } finally {
            pool.shutdown();
        }
        for (TenantNames names : schemas) {
            assertThat(objects(names)).isEqualTo(plain().objects());
            assertThat(histories(names)).isEqualTo(baselinedEverywhere(plain().histories()));
        }
    }

    @Test
    void aSchemaMadeByPlainFlywayAtOlderVersionsIsCarriedForwardToTheSameSchema() throws Exception {
        // what an older build left: the directory at V5, the notifications at V1, the later apps not yet there
        TenantNames older = fresh("older");
        plainFlyway(older, Map.of("directory", "5", "notifications", "1"));
        assertThat(histories(older)).containsOnlyKeys("directory", "notifications");
        database.migrate(older);

        assertThat(objects(older)).isEqualTo(plain().objects());
        assertThat(histories(older)).isEqualTo(plain().histories());
        // and again: nothing left to apply
        database.migrate(older);
        assertThat(histories(older)).isEqualTo(plain().histories());
    }

    @Test
    void aChangedMigrationInAnExistingSchemaIsStillRefused() throws Exception {
        TenantNames names = fresh("valid");
        database.migrate(names);
        execute("UPDATE " + names.schema() + ".flyway_history_flash SET checksum = checksum + 1 WHERE version = '1'");
        assertThatThrownBy(() -> database.migrate(names)).isInstanceOf(FlywayException.class)
                .hasMessageContaining("checksum");
    }

    private TenantNames fresh(String prefix) throws SQLException {
        TenantNames names = TenantNames.of(Slug.of(uniqueSlug(prefix)));
        database.createSchemaAndRole(names);
        return names;
    }

    /**
     * What the migrator did before issue 19's change: one plain Flyway per app and schema (the default resolver:
     * each file parsed, statement by statement), as the collectivity's role; {@code targets}: apps stopped at a
     * version, and only those apps, when not empty.
     */
    private void plainFlyway(TenantNames names, Map<String, String> targets) {
        for (String app : apps) {
            if (!targets.isEmpty() && !targets.containsKey(app)) {
                continue;
            }
            var config = IndexedMigrations.configure(AppSchemas.folder(app), LOADER).dataSource(db)
                    .schemas(names.schema()).defaultSchema(names.schema()).table("flyway_history_" + app)
                    .baselineOnMigrate(true).baselineVersion("0").createSchemas(false)
                    .initSql("SET ROLE " + TenantNames.quote(names.role()));
            if (targets.containsKey(app)) {
                config.target(targets.get(app));
            }
            config.load().migrate();
        }
    }

    /** Every object of the schema as text, the schema's and role's names replaced, in a stable order. */
    private List<String> objects(TenantNames names) throws SQLException {
        String s = "'" + names.schema() + "'";
        List<String> all = new ArrayList<>();
        all.addAll(rows(names, "SELECT 'column', table_name, column_name, data_type, is_nullable, column_default"
                + " FROM information_schema.columns WHERE table_schema = " + s));
        all.addAll(rows(names, "SELECT 'owner', tablename, tableowner FROM pg_tables WHERE schemaname = " + s));
        all.addAll(rows(names, "SELECT 'constraint', cl.relname, co.conname, pg_get_constraintdef(co.oid)"
                + " FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid"
                + " JOIN pg_namespace n ON n.oid = co.connamespace WHERE n.nspname = " + s));
        all.addAll(rows(names, "SELECT 'index', tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = " + s));
        all.addAll(rows(names, "SELECT 'function', p.proname, pg_get_functiondef(p.oid) FROM pg_proc p"
                + " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = " + s));
        all.addAll(rows(names, "SELECT 'trigger', c.relname, t.tgname, pg_get_triggerdef(t.oid) FROM pg_trigger t"
                + " JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE NOT t.tgisinternal AND n.nspname = " + s));
        all.addAll(rows(names, "SELECT 'sequence', sequence_name, data_type FROM information_schema.sequences"
                + " WHERE sequence_schema = " + s));
        all.addAll(rows(names, "SELECT 'view', table_name, view_definition FROM information_schema.views"
                + " WHERE table_schema = " + s));
        all.sort(null);
        return all;
    }

    /**
     * Plain Flyway's histories as the migrator writes them in a fresh schema: the same rows, every app's history
     * starting with the baseline row. Plain Flyway writes none for the first app of an empty schema; the migrator
     * baselines every app it meets without history (AppFlyway: so that Flyway never asks whether the schema is
     * empty, a scan of PostgreSQL's whole catalog), which shifts that app's ranks by one.
     */
    private static Map<String, List<String>> baselinedEverywhere(Map<String, List<String>> plain) {
        String baseline = plain.values().stream().map(rows -> rows.get(0)).filter(row -> row.contains("| BASELINE |"))
                .findFirst().orElseThrow();
        Map<String, List<String>> expected = new java.util.TreeMap<>();
        plain.forEach((app, rows) -> {
            if (rows.get(0).contains("| BASELINE |")) {
                expected.put(app, rows);
                return;
            }
            List<String> shifted = new ArrayList<>();
            shifted.add(baseline);
            for (String row : rows) {
                int bar = row.indexOf(" | ");
                shifted.add((Integer.parseInt(row.substring(0, bar)) + 1) + row.substring(bar));
            }
            expected.put(app, shifted);
        });
        return expected;
    }

    /** Each app's history rows, in order, without the times. */
    private Map<String, List<String>> histories(TenantNames names) throws SQLException {
        Map<String, List<String>> histories = new java.util.TreeMap<>();
        for (String table : rows(names, "SELECT tablename FROM pg_tables WHERE schemaname = '" + names.schema()
                + "' AND tablename LIKE 'flyway_%'")) {
            histories.put(table.substring("flyway_history_".length()), rows(names,
                    "SELECT installed_rank, version, description, type, script, checksum, installed_by, success FROM "
                            + names.schema() + "." + table + " ORDER BY installed_rank"));
        }
        return histories;
    }

    private List<String> rows(TenantNames names, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.append(i > 1 ? " | " : "").append(rs.getString(i));
                }
                rows.add(row.toString().replace(names.schema(), "<schema>").replace(names.role(), "<role>"));
            }
        }
        return rows;
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
