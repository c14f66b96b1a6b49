package fr.ent.platform.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The platform's Open Liberty server (assembled by the build under local-platform/target/liberty), run as a
 * child process. Its output (logs, work area) and its server folder go to a directory of the caller's choice, so
 * that the developer's platform, several test runs and a benchmark can start the same server definition side by
 * side: see {@link ServerFolder} for why the folder cannot be shared.
 */
public final class LibertyServer implements AutoCloseable {

    public static final String SERVER_NAME = "entServer";

    private final Process process;
    private final int httpPort;
    private final int adminPort;
    private final Path outputDirectory;

    private LibertyServer(Process process, int httpPort, int adminPort, Path outputDirectory) {
        this.process = process;
        this.httpPort = httpPort;
        this.adminPort = adminPort;
        this.outputDirectory = outputDirectory;
    }

    /** Starts the server and waits until its readiness checks pass, reporting progress. */
    public static LibertyServer start(Path libertyHome, Path outputDirectory, int httpPort, int adminPort,
            int databasePort, Map<String, String> extraEnvironment, Consumer<String> progress)
            throws IOException, InterruptedException {
        Path script = libertyHome.resolve("bin/server");
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException("Open Liberty n'est pas assemblé dans " + libertyHome
                    + " : lancez d'abord « mvn -DskipTests install » (le script ./run-platform.sh le fait).");
        }
        Files.createDirectories(outputDirectory);
        Path userDirectory = ServerFolder.prepare(libertyHome, outputDirectory);
        ProcessBuilder builder = new ProcessBuilder(List.of(script.toString(), "run", SERVER_NAME))
                .redirectErrorStream(true)
                .redirectOutput(outputDirectory.resolve("console.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("WLP_USER_DIR", userDirectory.toString());
        env.put("WLP_OUTPUT_DIR", outputDirectory.toString());
        env.put("ENT_HTTP_PORT", Integer.toString(httpPort));
        env.put("ENT_ADMIN_PORT", Integer.toString(adminPort));
        env.put("ENT_DB_PORT", Integer.toString(databasePort));
        env.putAll(extraEnvironment);
        LibertyServer server = new LibertyServer(builder.start(), httpPort, adminPort, outputDirectory);
        try {
            // 5 minutes by default (a start takes 15-30 s alone, minutes on a machine shared by several builds);
            // -Dent.liberty.startSeconds for a loaded machine (benchmarks beside other builds).
            server.awaitReady(Duration.ofSeconds(Long.getLong("ent.liberty.startSeconds", 300)), progress);
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void awaitReady(Duration timeout, Consumer<String> progress) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long lastReport = 0;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Open Liberty s'est arrêté au démarrage (code " + process.exitValue()
                        + ") ; voir " + outputDirectory.resolve("console.log"));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            if (seconds - lastReport >= 5) {
                lastReport = seconds;
                progress.accept("  … Open Liberty démarre (" + seconds + " s)");
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Open Liberty n'est pas prêt après " + timeout.toSeconds() + " s ; voir "
                + outputDirectory.resolve("console.log"));
    }

    public URI runtimeBase() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    public URI adminBase() {
        return URI.create("http://127.0.0.1:" + adminPort + "/admin/api/v1");
    }

    public int httpPort() {
        return httpPort;
    }

    public int adminPort() {
        return adminPort;
    }

    public Path outputDirectory() {
        return outputDirectory;
    }

    /**
     * This server's own configuration folder ({@code server.config.dir}): a file written to its
     * {@code configDropins/overrides} is read by the running server within a second.
     */
    public Path configDirectory() {
        return ServerFolder.configDirectory(outputDirectory);
    }

    /** Kills the server as a crash would (SIGKILL, no shutdown): for tests of recovery after a crash. */
    public void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
    }

    /** Stops the server: SIGTERM lets Liberty stop its applications cleanly; it is killed after 60 s. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
    }
}
