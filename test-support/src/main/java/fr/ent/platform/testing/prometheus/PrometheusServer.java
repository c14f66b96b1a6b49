package fr.ent.platform.testing.prometheus;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import fr.ent.platform.testing.ports.FreePorts;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real Prometheus server (the Debian package's {@code /usr/bin/prometheus}, found on the PATH) scraping the given
 * targets and evaluating the given rule files, its HTTP API on a free loopback port. The tests of the SLA chain
 * share it (the operator's SLA watch, the monthly report inside Liberty, tenant-manager's report over a backfilled
 * month); {@link #close()} stops it.
 *
 * <p>Scrape and rule evaluation share one short interval: the tests need figures within seconds, and rules over
 * long windows ({@code rate(...[30d])}) already give a value from the few minutes of data the server holds.
 */
public final class PrometheusServer implements AutoCloseable {

    /**
     * A scrape target: {@code host:port} and the path of its metrics (e.g. {@code /admin/metrics}); with a CA file,
     * scraped over https trusting that CA, and with a bearer token, sent as a cluster's Prometheus does
     * ({@code authorization} of the scrape config: the admin endpoint's {@code ENT_METRICS_TOKEN}).
     */
    public record Target(String job, String address, String metricsPath, Path caFile, String bearerToken) {

        public Target(String job, String address, String metricsPath) {
            this(job, address, metricsPath, null, null);
        }

        String scrapeConfig() {
            StringBuilder config = new StringBuilder("  - job_name: " + job + "\n    metrics_path: " + metricsPath
                    + "\n");
            if (caFile != null) {
                config.append("    scheme: https\n    tls_config:\n      ca_file: '").append(caFile.toAbsolutePath())
                        .append("'\n");
            }
            if (bearerToken != null) {
                config.append("    authorization:\n      credentials: '").append(bearerToken).append("'\n");
            }
            return config.append("    static_configs:\n      - targets: ['").append(address).append("']\n").toString();
        }
    }

    private final ProcessHandle process;
    private final Path directory;
    private final URI url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PrometheusServer(ProcessHandle process, Path directory, URI url) {
        this.process = process;
        this.directory = directory;
        this.url = url;
    }

    /**
     * A server started elsewhere (e.g. the local platform's own, {@code LocalPlatform.OwnPrometheus}): its process,
     * the directory holding its {@code prometheus.log}, and its URL; {@link #close()} stops that process.
     */
    public static PrometheusServer running(ProcessHandle process, Path directory, URI url) {
        return new PrometheusServer(process, directory, url);
    }

    /**
     * Writes {@code prometheus.yml} and the rule files (name → content) into {@code directory}, starts the server
     * with its data under it and waits until {@code /-/ready} answers.
     */
    public static PrometheusServer start(Path directory, Duration interval, List<Target> targets,
            Map<String, String> ruleFiles) throws IOException, InterruptedException {
        return start(directory, interval, targets, ruleFiles, FreePorts.next());
    }

    /**
     * As {@link #start(Path, Duration, List, Map)}, on a port chosen beforehand: a server that was told where
     * Prometheus will be before it starts (e.g. {@code ENT_PROMETHEUS_URL} at the platform's start).
     */
    public static PrometheusServer start(Path directory, Duration interval, List<Target> targets,
            Map<String, String> ruleFiles, int port) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        for (Map.Entry<String, String> rules : ruleFiles.entrySet()) {
            Files.writeString(directory.resolve(rules.getKey()), rules.getValue());
        }
        String scrapes = targets.stream().map(Target::scrapeConfig).collect(Collectors.joining());
        Files.writeString(directory.resolve("prometheus.yml"), """
                global:
                  scrape_interval: %1$ds
                  evaluation_interval: %1$ds
                rule_files: [%2$s]
                scrape_configs:
                %3$s""".formatted(interval.toSeconds(), String.join(", ", ruleFiles.keySet()), scrapes));
        return startConfigured(directory, directory.resolve("data"), List.of(), port);
    }

    /**
     * Starts the server on the {@code prometheus.yml} already written in {@code directory}, its TSDB in
     * {@code data} (e.g. blocks made beforehand with {@code promtool tsdb create-blocks-from}), with these extra
     * command-line flags, and waits until {@code /-/ready} answers.
     */
    public static PrometheusServer startConfigured(Path directory, Path data, List<String> flags)
            throws IOException, InterruptedException {
        return startConfigured(directory, data, flags, FreePorts.next());
    }

    private static PrometheusServer startConfigured(Path directory, Path data, List<String> flags, int port)
            throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(binary("prometheus"),
                "--config.file=" + directory.resolve("prometheus.yml"), "--storage.tsdb.path=" + data,
                "--web.listen-address=127.0.0.1:" + port));
        command.addAll(flags);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(directory.resolve("prometheus.log").toFile()).start();
        PrometheusServer server = new PrometheusServer(process.toHandle(), directory,
                URI.create("http://127.0.0.1:" + port));
        try {
            // a few seconds when idle; far more beside other builds on a shared 2-core machine
            server.awaitReady(Duration.ofSeconds(120));
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Prometheus s'est arrêté au démarrage :\n" + log());
            }
            try {
                if (http.send(HttpRequest.newBuilder(url.resolve("/-/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Prometheus n'est pas prêt après " + timeout + " :\n" + log());
    }

    /** Base URL of the HTTP API, e.g. {@code http://127.0.0.1:40123}. */
    public URI url() {
        return url;
    }

    /** The {@code result} array of an instant query (each item has {@code metric} and {@code value}). */
    public List<JsonObject> query(String promql) throws IOException, InterruptedException {
        URI uri = URI.create(url + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonObject body;
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            body = reader.readObject();
        }
        if (response.statusCode() != 200 || !"success".equals(body.getString("status", ""))) {
            throw new IllegalStateException("Prometheus refused " + promql + ": " + response.body());
        }
        return body.getJsonObject("data").getJsonArray("result").stream().map(JsonValue::asJsonObject).toList();
    }

    /** The value of the single series an instant query returns, NaN when it returns none. */
    public double value(String promql) throws IOException, InterruptedException {
        List<JsonObject> result = query(promql);
        if (result.isEmpty()) {
            return Double.NaN;
        }
        if (result.size() > 1) {
            throw new IllegalStateException(promql + " returned " + result.size() + " series: " + result);
        }
        return Double.parseDouble(result.getFirst().getJsonArray("value").getString(1));
    }

    /** What the server logged so far (for failure messages). */
    public String log() {
        try {
            return Files.readString(directory.resolve("prometheus.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the server (SIGTERM, then SIGKILL after 20 s). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!exited(20)) {
            process.destroyForcibly();
            exited(10);
        }
    }

    private boolean exited(int seconds) throws InterruptedException {
        try {
            process.onExit().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return !process.isAlive();
        }
    }

    /** The path of a Prometheus tool ({@code prometheus}, {@code promtool}) on the PATH. */
    public static String binary(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(name + " n'est pas installé : ce test lance le vrai serveur. Installez le "
                + "paquet Debian : apt-get install -y prometheus (.ci/run le fait).");
    }
}
