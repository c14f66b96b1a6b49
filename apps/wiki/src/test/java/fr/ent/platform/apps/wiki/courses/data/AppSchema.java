package fr.ent.platform.apps.wiki.courses.data;

import fr.ent.platform.runtime.data.CollectivityExport;
import fr.ent.platform.runtime.data.CollectivityImport;
import fr.ent.platform.runtime.storage.ObjectKey;
import fr.ent.platform.runtime.data.TableTransfer;
import fr.ent.platform.runtime.persistence.TenantData;
import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenancy.TenantSchemaMigrator;
import fr.ent.platform.testing.database.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.BufferedReader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.eclipse.persistence.config.PersistenceUnitProperties;

/**
 * A collectivity schema on the tests' real PostgreSQL, migrated by one app's own migrations, its persistence unit
 * (EclipseLink outside Liberty) bound to it: the {@link TenantData} a data contract uses in the runtime, and an
 * in-memory archive for the collectivity transfer (the same {@link TableTransfer} the privacy app's archive calls).
 */
final class AppSchema {

    private final EntityManagerFactory unit;
    private final String schema;

    private AppSchema(EntityManagerFactory unit, String schema) {
        this.unit = unit;
        this.schema = schema;
    }

    static AppSchema fresh(String app, String persistenceUnit) {
        TestDatabase database = TestDatabase.shared();
        String schema = "t_" + app + "test_" + ThreadLocalRandom.current().nextInt(1_000_000);
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + schema);
            s.execute("CREATE SCHEMA " + schema + " AUTHORIZATION " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        new TenantSchemaMigrator(database.dataSource(), List.of(app), AppSchema.class.getClassLoader())
                .migrate(new TenantNames(schema, schema));
        return new AppSchema(Persistence.createEntityManagerFactory(persistenceUnit, Map.of(
                PersistenceUnitProperties.NON_JTA_DATASOURCE, database.dataSource(),
                PersistenceUnitProperties.WEAVING, "false")), schema);
    }

    <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = unit.createEntityManager(Map.of(PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT,
                schema));
        try {
            em.getTransaction().begin();
            em.createNativeQuery("SET LOCAL search_path TO " + TenantNames.quote(schema)).executeUpdate();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    /** The data door of this schema, one transaction per call, as TenantData is in the runtime. */
    TenantData data() {
        return new TenantData() {
            @Override
            public <T> T read(EntityManagerFactory ignored, Function<EntityManager, T> work) {
                return inTransaction(work);
            }

            @Override
            public <T> T write(EntityManagerFactory ignored, Function<EntityManager, T> work) {
                return inTransaction(work);
            }
        };
    }

    void sql(String... statements) {
        inTransaction(em -> {
            for (String s : statements) {
                em.createNativeQuery(s).executeUpdate();
            }
            return null;
        });
    }

    /** Every row of a query, each as its columns' text. */
    List<String> rows(String query) {
        return inTransaction(em -> {
            List<String> out = new ArrayList<>();
            for (Object r : em.createNativeQuery(query).getResultList()) {
                out.add(r instanceof Object[] a ? java.util.Arrays.toString(a) : String.valueOf(r));
            }
            return out;
        });
    }

    /** An archive's tables in memory: JSON Lines by table, as the privacy app's archive holds them. */
    static final class Archive implements CollectivityExport, CollectivityImport {

        final Map<String, List<String>> tables = new LinkedHashMap<>();

        @Override
        public String collectivity() {
            return "test";
        }

        @Override
        public String source() {
            return "test";
        }

        @Override
        public long table(EntityManager em, String table, TableTransfer.Order order) {
            List<String> lines = new ArrayList<>();
            long n = TableTransfer.export(em, table, order, lines::add);
            tables.put(table, lines);
            return n;
        }

        @Override
        public void file(ObjectKey key) {
            throw new AssertionError("this app stores no file: " + key);
        }

        @Override
        public long table(EntityManager em, String table, TableTransfer.Mode mode) {
            List<String> lines = tables.get(table);
            return TableTransfer.load(em, table, mode, lines == null ? null
                    : new BufferedReader(new StringReader(String.join("\n", lines) + "\n")));
        }

        @Override
        public List<String> files() {
            return List.of();
        }

        @Override
        public void restoreFile(String path) {
            throw new AssertionError("this app stores no file: " + path);
        }
    }
}
