package fr.ent.platform.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL from the zonky embedded binaries, on a fixed data directory so that a second start keeps the data.
 * The platform connects to it as its superuser: locally, one user creates the collectivity roles and switches to
 * them; production uses distinct users (docs/configuration.md).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    public static EmbeddedDatabase start(Path dataDirectory, int port) throws IOException {
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "300");
        if (Boolean.getBoolean("ent.db.statementStats")) {
            // statements counted by PostgreSQL (ADR 0028's "How to count"; the benchmarks' StatementStats)
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
            // and how many times each was planned, and for how long (a statement planned at every call is one whose
            // plan did not survive: ADR 0047)
            builder.setServerConfig("pg_stat_statements.track_planning", "on");
            // one entry per statement and schema (the tables differ): 100 collectivities' pages outgrow the default
            // 5,000 entries, and evicted entries would make the sums go backwards
            builder.setServerConfig("pg_stat_statements.max", "50000");
        }
        // Server settings for a measurement (e.g. the France import with a bulk load's shared_buffers and WAL size):
        // -Dent.db.serverConfig=shared_buffers=4GB,max_wal_size=16GB. Applied after the ones above, so they may
        // override them.
        for (String setting : System.getProperty("ent.db.serverConfig", "").split(",")) {
            int equals = setting.indexOf('=');
            if (equals > 0) {
                builder.setServerConfig(setting.substring(0, equals).trim(), setting.substring(equals + 1).trim());
            } else if (!setting.isBlank()) {
                throw new IllegalArgumentException("ent.db.serverConfig: expected name=value, got " + setting);
            }
        }
        EmbeddedPostgres postgres = builder.start();
        return new EmbeddedDatabase(postgres, dataDirectory);
    }

    /**
     * Restarts PostgreSQL as an operator's fast restart would (reliability tests: the platform must survive it):
     * SIGINT to the postmaster (fast shutdown: open transactions rolled back, every connection cut), {@code outage}
     * with no server, then the postmaster again with the arguments it was started with ({@code postmaster.opts}).
     * Not through {@code pg_ctl}, which refuses to run as root (the CI's user): as zonky starts it, inside a user
     * namespace ({@code unshare -U}) where the server does not run as root. The new postmaster is this JVM's child;
     * {@link #close()} stops it as it stopped the first (zonky's {@code pg_ctl stop} on the data directory).
     */
    public void restart(Duration outage, Path log) throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        List<String> command = postmasterCommand(Files.readString(dataDirectory.resolve("postmaster.opts"),
                StandardCharsets.UTF_8));
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow(
                () -> new IllegalStateException("no postmaster " + pid + " for " + dataDirectory));
        Process signal = new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start();
        if (signal.waitFor() != 0) {
            throw new IllegalStateException("kill -INT " + pid + " failed");
        }
        try {
            postmaster.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("postmaster " + pid + " did not stop within 60 s", e);
        }
        Thread.sleep(outage);
        List<String> start = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/unshare"))) {
            start.addAll(List.of("/usr/bin/unshare", "-U"));
        }
        start.addAll(command);
        new ProcessBuilder(start).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            try (Connection c = dataSource().getConnection()) {
                return;
            } catch (SQLException notYet) {
                if (Instant.now().isAfter(until)) {
                    throw new IllegalStateException("PostgreSQL did not come back within 60 s (see " + log + ")",
                            notYet);
                }
                Thread.sleep(200);
            }
        }
    }

    /** {@code postmaster.opts}: the binary and its arguments, each in double quotes after the first. */
    static List<String> postmasterCommand(String opts) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char ch : opts.strip().toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(ch) && !quoted) {
                if (any) {
                    words.add(word.toString());
                    word.setLength(0);
                    any = false;
                }
            } else {
                word.append(ch);
                any = true;
            }
        }
        if (any) {
            words.add(word.toString());
        }
        return words;
    }

    public int port() {
        return postgres.getPort();
    }

    public javax.sql.DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
