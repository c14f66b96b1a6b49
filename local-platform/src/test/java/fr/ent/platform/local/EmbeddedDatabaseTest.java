package fr.ent.platform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.testing.ports.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL restarted under a connection, as PostgresRestartIT does to the platform's: as root too
 * (the CI's user, whom pg_ctl refuses), from the arguments of postmaster.opts; committed rows stay, an open
 * connection is cut, new ones work, and closing the database stops the new postmaster.
 */
class EmbeddedDatabaseTest {

    @TempDir
    Path work;

    @Test
    void postmasterOptsGiveTheBinaryAndEachQuotedArgument() {
        String opts = "/tmp/embedded-pg/PG-1/bin/postgres \"-D\" \"/work/it work/pgdata\" \"-p\" \"5433\" \"-F\""
                + " \"-c\" \"synchronous_commit=off\" \"-c\" \"max_connections=300\" \"-c\" \"x=\"\n";
        assertThat(EmbeddedDatabase.postmasterCommand(opts)).containsExactly("/tmp/embedded-pg/PG-1/bin/postgres",
                "-D", "/work/it work/pgdata", "-p", "5433", "-F", "-c", "synchronous_commit=off", "-c",
                "max_connections=300", "-c", "x=");
    }

    @Test
    void aFastRestartKeepsCommittedRowsCutsOpenConnectionsAndServesAgain() throws Exception {
        Path pgdata = work.resolve("pgdata");
        long restarted;
        try (EmbeddedDatabase db = EmbeddedDatabase.start(pgdata, FreePorts.next())) {
            long first = postmaster(pgdata);
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE numbered (n int PRIMARY KEY)");
                s.execute("INSERT INTO numbered SELECT generate_series(1, 100)");
            }
            Connection open = db.dataSource().getConnection();
            db.restart(Duration.ofSeconds(1), work.resolve("restart.log"));
            restarted = postmaster(pgdata);
            assertThat(restarted).as("a new postmaster").isNotEqualTo(first);
            assertThat(ProcessHandle.of(first)).isEmpty();
            assertThatThrownBy(() -> open.createStatement().executeQuery("SELECT 1"))
                    .as("the open connection was cut").isInstanceOf(SQLException.class);
            open.close();
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT count(*) FROM numbered")) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(100);
            }
        }
        CompletableFuture<ProcessHandle> stopped = ProcessHandle.of(restarted).map(ProcessHandle::onExit)
                .orElse(CompletableFuture.completedFuture(null));
        stopped.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(ProcessHandle.of(restarted).filter(ProcessHandle::isAlive)).as("stopped by close()").isEmpty();
    }

    private static long postmaster(Path pgdata) throws Exception {
        return Long.parseLong(Files.readAllLines(pgdata.resolve("postmaster.pid")).get(0).trim());
    }
}
