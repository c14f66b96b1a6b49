package fr.ent.platform.tenants;

import fr.ent.platform.testing.database.TestDatabase;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The registry database of the tests: the test JVM's PostgreSQL (test-support) with the platform schema migrated. */
final class EmbeddedDatabase {

    private static boolean migrated;

    private EmbeddedDatabase() {
    }

    static synchronized DataSource dataSource() {
        DataSource postgres = TestDatabase.shared().dataSource();
        if (!migrated) {
            Flyway.configure().dataSource(postgres).schemas("platform").locations("classpath:db/platform").load()
                    .migrate();
            migrated = true;
        }
        return postgres;
    }

    /** A new, empty database on the same server (for migration tests that need the registry before V2). */
    static synchronized DataSource emptyDatabase(String name) {
        dataSource();
        return TestDatabase.shared().newDatabase(name);
    }
}
