package fr.ent.platform.testing.database;

import fr.ent.platform.testing.ports.FreePorts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * A real PostgreSQL from the zonky embedded binaries for tests. {@link #shared()} is one server per test JVM (the
 * classes of a module's run share it, stopped when the JVM exits). The database under a whole platform (Liberty,
 * Keycloak) is local-platform's {@code LocalPlatform}'s.
 */
public final class TestDatabase implements AutoCloseable {

    private static TestDatabase shared;

    private final EmbeddedPostgres postgres;

    private TestDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** The server of this test JVM, started on first use. */
    public static synchronized TestDatabase shared() {
        if (shared == null) {
            try {
                shared = new TestDatabase(EmbeddedPostgres.builder().setPort(FreePorts.next())
                        .setPGStartupWait(Duration.ofSeconds(60)).start());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            TestDatabase stopping = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    stopping.close();
                } catch (IOException e) {
                    System.err.println("embedded PostgreSQL did not stop: " + e);
                }
            }));
        }
        return shared;
    }

    public int port() {
        return postgres.getPort();
    }

    /** The {@code postgres} database as its superuser. */
    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    /** A new, empty database on this server (e.g. for migration tests that need a registry from its first version). */
    public DataSource newDatabase(String name) {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("CREATE DATABASE " + name + ": " + e.getMessage(), e);
        }
        return postgres.getDatabase("postgres", name);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
