package fr.ent.platform.keycloak.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A Keycloak server run from its distribution zip as a child process, in development mode ({@code start-dev}: HTTP,
 * H2 file database under {@code <home>/data}), bound to 127.0.0.1. The zip is unpacked once into the home
 * directory; starting again on the same home reuses it, with the realms created before (first start ~60 s because
 * of Quarkus' build step, later ones ~25 s).
 *
 * <p>Used by the local platform, the tests and the benchmarks; never in production, where Keycloak is run by the
 * hosting operator. {@link #close()} stops the whole process tree ({@code kc.sh} and the JVM it starts).
 */
public final class LocalKeycloak implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int PORT_ATTEMPTS = 3;

    private final Process process;
    private final URI baseUrl;
    private final URI managementUrl;
    private final String adminUsername;
    private final String adminPassword;
    private final Path log;
    private final Path hosts;
    private final Thread shutdownHook;

    private LocalKeycloak(Process process, URI baseUrl, URI managementUrl, String adminUsername, String adminPassword,
            Path log, Path hosts) {
        this.process = process;
        this.hosts = hosts;
        this.baseUrl = baseUrl;
        this.managementUrl = managementUrl;
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
        this.log = log;
        // If the JVM that started Keycloak exits without closing it (a test run interrupted), do not leave it behind.
        this.shutdownHook = new Thread(this::stopProcessTree, "keycloak-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static Builder builder(Path home) {
        return new Builder(home);
    }

    /** The name of our login theme, installed into every home this class starts (module keycloak-theme). */
    public static final String LOGIN_THEME = LoginTheme.NAME;

    /**
     * Copies a home that is unpacked and built (by an earlier start) into {@code home}, without its realms
     * ({@code data}), log and hosts file, unless {@code home} is already complete or {@code builtHome} is not;
     * returns whether it copied. Two Keycloak servers cannot share one home (its H2 database is single-writer, and a
     * test run empties {@code data} at its start), so processes running side by side (the parallel build's modules, a
     * second shard) each take a copy: about 190 MB in a few seconds, where unpacking and building take ~60-110 s.
     */
    public static boolean copyBuiltHome(Path builtHome, Path home) throws IOException {
        return Distribution.copyBuilt(builtHome.toAbsolutePath().normalize(), home.toAbsolutePath().normalize());
    }

    /** The Keycloak version this build is pinned to (parent pom property {@code keycloak.version}). */
    public static String version() {
        return Distribution.version();
    }

    /**
     * The distribution zip: system property {@code ent.keycloak.dist} if set (Maven passes the resolved artifact
     * there), otherwise {@code org/keycloak/keycloak-quarkus-dist/<version>} in the local Maven repository.
     */
    public static Path distribution() {
        return Distribution.locate();
    }

    /** A TCP port free at the time of the call on 127.0.0.1. */
    public static int freePort() {
        return Ports.free();
    }

    /** The root URL of the server, e.g. {@code http://127.0.0.1:8180} (realms under {@code /realms/<name>}). */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The management interface (health), e.g. {@code http://127.0.0.1:9180}. */
    public URI managementUrl() {
        return managementUrl;
    }

    /** The bootstrap administrator of realm {@code master} (only created on the first start of a home). */
    public String adminUsername() {
        return adminUsername;
    }

    public String adminPassword() {
        return adminPassword;
    }

    /** Keycloak's own output (both streams), appended across starts. */
    public Path log() {
        return log;
    }

    /**
     * The hosts file Keycloak's JVM resolves names with ({@code jdk.net.hosts.file}): every name in it is
     * 127.0.0.1, nothing else resolves (the JDK's hosts-file resolver never asks DNS).
     */
    public Path hostsFile() {
        return hosts;
    }

    /**
     * Makes these names resolve to 127.0.0.1 in Keycloak from now on, e.g. a collectivity domain created after
     * Keycloak started, so that Keycloak can call its back-channel logout URL. The JDK reads the hosts file at
     * each lookup (answers are then cached 30 s, failures 10 s), so no restart is needed.
     */
    public synchronized void resolveToLoopback(Collection<String> names) {
        try {
            Set<String> known = new LinkedHashSet<>();
            for (String line : Files.readAllLines(hosts, StandardCharsets.UTF_8)) {
                if (!line.startsWith("#")) {
                    known.addAll(List.of(line.trim().split("\\s+")));
                }
            }
            List<String> added = names.stream().map(String::toLowerCase).filter(n -> !known.contains(n)).distinct()
                    .toList();
            if (!added.isEmpty()) {
                Files.writeString(hosts, "127.0.0.1 " + String.join(" ", added) + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("hosts file " + hosts + " not updated", e);
        }
    }

    /** The {@code kc.sh} process; the Keycloak JVM is one of its descendants. */
    public ProcessHandle process() {
        return process.toHandle();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** Stops Keycloak and every process it started, and waits until they are gone. */
    @Override
    public void close() {
        stopProcessTree();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // Already in the JVM's shutdown: the hook is running or ran; nothing to remove.
        }
    }

    private void stopProcessTree() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        // Children first with SIGTERM (Keycloak shuts down cleanly, closing its H2 file), then the shell.
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception notYet) {
                p.destroyForcibly();
                p.onExit().join();
            }
        }
    }

    /** Options of a start; only the home directory is required. */
    public static final class Builder {

        private final Path home;
        private Path distribution;
        private Path builtHome;
        private int httpPort;
        private int managementPort;
        private String adminUsername = "admin";
        private String adminPassword = "admin";
        private Duration timeout = Duration.ofMinutes(10); // first start on a loaded 2-CPU machine: up to ~5 min
        private Consumer<String> progress = line -> { };
        private final List<String> options = new ArrayList<>();
        private final Map<String, String> environment = new HashMap<>();
        private final Set<String> loopbackNames = new LinkedHashSet<>();

        private Builder(Path home) {
            // normalized: the unpacking checks each entry stays under the home (a given "a/../b" would fail it)
            this.home = Objects.requireNonNull(home).toAbsolutePath().normalize();
        }

        public Builder distribution(Path zip) {
            this.distribution = zip;
            return this;
        }

        /**
         * A home another process already unpacked and built (the shared home of the build's tests, see
         * {@link LocalKeycloak#copyBuiltHome}): copied into this home when it is not complete yet, instead of
         * unpacking the zip and paying Quarkus' build step again. Ignored when {@code builtHome} is not complete.
         */
        public Builder copiedFrom(Path builtHome) {
            this.builtHome = builtHome;
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder httpPort(int port) {
            this.httpPort = port;
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder managementPort(int port) {
            this.managementPort = port;
            return this;
        }

        /**
         * The bootstrap administrator of {@code master}. Keycloak creates it only when the home's database has
         * none yet, so the same credentials must be given on every start of one home.
         */
        public Builder admin(String username, String password) {
            this.adminUsername = username;
            this.adminPassword = password;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Receives progress lines in French, e.g. "Keycloak : démarrage… 20 s". */
        public Builder progress(Consumer<String> progress) {
            this.progress = progress;
            return this;
        }

        /**
         * Names Keycloak resolves to 127.0.0.1 from the start (more later with {@link #resolveToLoopback}), e.g. the
         * collectivity domains of the local platform. {@code localhost} and this machine's name always are.
         */
        public Builder resolveToLoopback(Collection<String> names) {
            names.forEach(n -> loopbackNames.add(n.toLowerCase()));
            return this;
        }

        /**
         * Keeps Keycloak's data in a PostgreSQL database instead of the H2 file under {@code <home>/data}. H2 is a
         * single-writer embedded database: bulk account creation and many realms are measured on PostgreSQL, as
         * Keycloak runs in production (docs/benchmarks.md). Changing the database of a home triggers Keycloak's
         * build step again on the next start.
         */
        public Builder postgres(String jdbcUrl, String username, String password) {
            options.addAll(List.of("--db=postgres", "--db-url=" + jdbcUrl, "--db-username=" + username));
            environment.put("KC_DB_PASSWORD", password); // not on the command line, where ps would show it
            return this;
        }

        /**
         * The JVM's heap options instead of kc.sh's default ({@code -Xms64m -Xmx512m} outside a container, 70 % of
         * the memory in one), e.g. {@code -Xmx384m}: many servers on one machine (a benchmark's shards) are sized
         * by hand. kc.sh reads them from {@code JAVA_OPTS_KC_HEAP}.
         */
        public Builder heap(String jvmOptions) {
            environment.put("JAVA_OPTS_KC_HEAP", jvmOptions);
            return this;
        }

        /** An extra {@code kc.sh start-dev} option, e.g. {@code --log-level=warn}. */
        public Builder option(String option) {
            this.options.add(option);
            return this;
        }

        private Path writeHosts() throws IOException {
            if (home.toString().contains(" ")) {
                throw new IllegalArgumentException("Keycloak's home must have no space in its path: " + home);
            }
            Set<String> names = new LinkedHashSet<>(List.of("localhost"));
            try {
                names.add(InetAddress.getLocalHost().getHostName().toLowerCase());
            } catch (UnknownHostException unnamed) {
                // no machine name to add
            }
            names.addAll(loopbackNames);
            Path hosts = home.resolve("hosts");
            Files.writeString(hosts, "# written by LocalKeycloak at each start: Keycloak's JVM resolves only these\n"
                    + "127.0.0.1 " + String.join(" ", names) + "\n::1 localhost\n", StandardCharsets.UTF_8);
            return hosts;
        }

        /**
         * Unpacks if needed, starts, and returns once {@code /health/ready} answers 200. A free port picked here can
         * be taken by another process during Keycloak's long start on a busy machine: the start is then tried again
         * on new ports (ports given by the caller are never changed).
         */
        public LocalKeycloak start() {
            Path zip = distribution != null ? distribution : Distribution.locate();
            try {
                if (builtHome != null && copyBuiltHome(builtHome, home)) {
                    progress.accept("Keycloak : distribution construite copiée de " + builtHome);
                }
                if (Distribution.unpack(zip, home)) {
                    progress.accept("Keycloak : distribution décompressée dans " + home);
                }
                LoginTheme.install(home);
                DirectoryProvider.install(home, options.stream().noneMatch(o -> o.equals("--db=postgres")));
            } catch (IOException e) {
                throw new UncheckedIOException("Keycloak, our login theme or our directory provider could not be"
                        + " installed into " + home, e);
            }
            for (int attempt = 1; ; attempt++) {
                try {
                    return startOnce();
                } catch (PortTaken e) {
                    if (attempt == PORT_ATTEMPTS || (httpPort != 0 && managementPort != 0)) {
                        throw e;
                    }
                    progress.accept("Keycloak : port pris entre-temps, nouvel essai sur d'autres ports");
                }
            }
        }

        private LocalKeycloak startOnce() {
            try {
                int http = httpPort != 0 ? httpPort : Ports.free();
                int management = managementPort != 0 ? managementPort : Ports.free();
                Path log = home.resolve("keycloak.log");
                List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                        "--http-host=127.0.0.1", "--http-port=" + http, "--http-management-port=" + management,
                        "--health-enabled=true"));
                command.addAll(options);
                ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
                builder.environment().putAll(environment);
                builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", adminUsername);
                builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
                // The same JDK as the caller, rather than whatever "java" is on the PATH. On Java 24+ Keycloak's
                // worker threads (jboss-threads' thread-local reset) die with IllegalAccessError unless java.lang is
                // opened to them: requests then crawl. kc.sh appends JAVA_OPTS_APPEND to its JVM options.
                builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
                //
                // Keycloak calls the portals' back-channel logout URLs on collectivity domains (*.localhost here),
                // which the machine's resolver may not know: its JVM resolves through our own hosts file instead.
                Path hosts = writeHosts();
                builder.environment().put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED"
                        + " -Djdk.net.hosts.file=" + hosts);
                progress.accept("Keycloak : démarrage sur http://127.0.0.1:" + http + " (journal : " + log + ")");
                LocalKeycloak keycloak = new LocalKeycloak(builder.start(), URI.create("http://127.0.0.1:" + http),
                        URI.create("http://127.0.0.1:" + management), adminUsername, adminPassword, log, hosts);
                try {
                    keycloak.awaitReady(timeout, progress);
                } catch (RuntimeException e) {
                    keycloak.close();
                    throw e;
                }
                return keycloak;
            } catch (IOException e) {
                throw new UncheckedIOException("Keycloak could not be started from " + home, e);
            }
        }
    }

    /** Keycloak stopped during start-up because a port it was given is in use. */
    private static final class PortTaken extends IllegalStateException {
        PortTaken(String message) {
            super(message);
        }
    }

    private void awaitReady(Duration timeout, Consumer<String> progress) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(managementUrl.resolve("/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long start = System.nanoTime();
        long nextProgress = start + PROGRESS_EVERY.toNanos();
        while (true) {
            if (!process.isAlive()) {
                String tail = tail(log, 30);
                String message = "Keycloak stopped during start-up (exit " + process.exitValue() + "); last lines of "
                        + log + ":\n" + tail;
                throw tail.contains("Address already in use") ? new PortTaken(message)
                        : new IllegalStateException(message);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
                    progress.accept("Keycloak : prêt en " + seconds + " s sur " + baseUrl);
                    return;
                }
            } catch (IOException notListeningYet) {
                // Not started yet: keep polling.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
            long now = System.nanoTime();
            if (now - start > timeout.toNanos()) {
                throw new IllegalStateException("Keycloak not ready after " + timeout.toSeconds() + " s; last lines of "
                        + log + ":\n" + tail(log, 30));
            }
            if (now >= nextProgress) {
                progress.accept("Keycloak : démarrage… " + Duration.ofNanos(now - start).toSeconds() + " s");
                nextProgress += PROGRESS_EVERY.toNanos();
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
        }
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
