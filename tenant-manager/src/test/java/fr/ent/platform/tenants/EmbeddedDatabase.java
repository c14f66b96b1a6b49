package fr.ent.platform.tenants;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** One real PostgreSQL (embedded binaries) per test JVM, with the platform schema migrated. */
final class EmbeddedDatabase {

    private static EmbeddedPostgres postgres;

    private EmbeddedDatabase() {
    }

    static synchronized DataSource dataSource() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    System.err.println("embedded PostgreSQL did not stop: " + e);
                }
            }));
            Flyway.configure().dataSource(postgres.getPostgresDatabase()).schemas("platform")
                    .locations("classpath:db/platform").load().migrate();
        }
        return postgres.getPostgresDatabase();
    }

    /** A new, empty database on the same server (for migration tests that need the registry before V2). */
    static synchronized DataSource emptyDatabase(String name) {
        dataSource();
        try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return postgres.getDatabase("postgres", name);
    }
}
