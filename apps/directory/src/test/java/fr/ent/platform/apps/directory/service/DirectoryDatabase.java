package fr.ent.platform.apps.directory.service;

import fr.ent.platform.apps.directory.DirectoryApp;
import fr.ent.platform.apps.directory.DirectoryData;
import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenancy.TenantSchemaMigrator;
import fr.ent.platform.testing.database.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.logging.AbstractSessionLog;
import org.eclipse.persistence.logging.SessionLogEntry;

/**
 * A collectivity schema of the directory on the tests' real PostgreSQL, migrated by the directory's own migrations,
 * with the directory's persistence unit (EclipseLink outside Liberty) bound to it: a {@link DirectoryData} whose
 * transactions the services use as in the runtime, and a count of the SQL statements they send.
 */
public final class DirectoryDatabase {

    /** SQL statements EclipseLink sent since the last {@link #resetStatements()} (its "sql" log category). */
    private static final AtomicInteger STATEMENTS = new AtomicInteger();

    final EntityManagerFactory unit;
    public final String schema;

    private DirectoryDatabase(EntityManagerFactory unit, String schema) {
        this.unit = unit;
        this.schema = schema;
    }

    public static DirectoryDatabase fresh() {
        TestDatabase database = TestDatabase.shared();
        String schema = "t_dirtest_" + ThreadLocalRandom.current().nextInt(1_000_000);
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + schema);
            s.execute("CREATE SCHEMA " + schema + " AUTHORIZATION " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        new TenantSchemaMigrator(database.dataSource(), List.of(DirectoryApp.ID),
                DirectoryDatabase.class.getClassLoader()).migrate(new TenantNames(schema, schema));
        EntityManagerFactory unit = Persistence.createEntityManagerFactory(DirectoryApp.ID, Map.of(
                PersistenceUnitProperties.NON_JTA_DATASOURCE, database.dataSource(),
                PersistenceUnitProperties.WEAVING, "false",
                PersistenceUnitProperties.LOGGING_LOGGER, CountingLog.class.getName(),
                PersistenceUnitProperties.CATEGORY_LOGGING_LEVEL_ + "sql", "FINE"));
        return new DirectoryDatabase(unit, schema);
    }

    /** The directory's data door on this schema: one transaction per call, as TenantData does. */
    public DirectoryData data() {
        return new DirectoryData() {
            @Override
            public <T> T read(Function<EntityManager, T> work) {
                return inTransaction(work);
            }

            @Override
            public <T> T write(Function<EntityManager, T> work) {
                return inTransaction(work);
            }
        };
    }

    /** The directory's structure service on this schema, as CDI would inject it. */
    public StructureService structures() {
        StructureService structures = new StructureService();
        structures.data = data();
        return structures;
    }

    /** The directory's user service on this schema, as CDI would inject it. */
    public UserService users() {
        UserService users = new UserService();
        users.data = data();
        return users;
    }

    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = unit.createEntityManager(Map.of(PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT,
                schema));
        try {
            em.getTransaction().begin();
            // as TenantData's opening statement: unqualified names resolve in this schema
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

    static void resetStatements() {
        STATEMENTS.set(0);
    }

    static int statements() {
        return STATEMENTS.get();
    }

    /** EclipseLink's log, reduced to counting the statements it sends (category "sql"); warnings are printed. */
    public static final class CountingLog extends AbstractSessionLog {

        @Override
        public void log(SessionLogEntry entry) {
            if ("sql".equals(entry.getNameSpace())) {
                STATEMENTS.incrementAndGet();
            } else if (entry.getLevel() >= WARNING) {
                System.err.println("EclipseLink: " + formatMessage(entry));
            }
        }
    }
}
