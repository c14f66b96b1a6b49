package fr.ent.platform.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;

/** What the three benchmarks share: parameters, output directory, statistics, the result files. */
public final class Bench {

    private Bench() {
    }

    public static int intProperty(String name, int defaultValue) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        int parsed = Integer.parseInt(value.trim());
        if (parsed <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return parsed;
    }

    /** bench/target, wherever the program is started from (the Maven run passes it explicitly). */
    public static Path targetDirectory() {
        String configured = System.getProperty("bench.target");
        Path target;
        if (configured != null && !configured.isBlank()) {
            target = Path.of(configured);
        } else if (Files.exists(Path.of("bench/pom.xml"))) {
            target = Path.of("bench/target");
        } else {
            target = Path.of("target");
        }
        return target.toAbsolutePath().normalize();
    }

    /** The Open Liberty server assembled by the local-platform module. */
    public static Path libertyHome() {
        String configured = System.getProperty("bench.liberty.home");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path fromRoot = Path.of("local-platform/target/liberty/wlp");
        return (Files.exists(fromRoot) ? fromRoot : Path.of("../local-platform/target/liberty/wlp"))
                .toAbsolutePath().normalize();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + root + ": " + e);
        }
    }

    public static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    public static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** The machine the figures come from: they mean nothing without it. */
    public static JsonObject machine() {
        Runtime rt = Runtime.getRuntime();
        return Json.createObjectBuilder()
                .add("date", now())
                .add("cpus", rt.availableProcessors())
                .add("maxHeapMiB", rt.maxMemory() / (1024 * 1024))
                .add("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"))
                .add("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"))
                .add("loadAverage1m", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage())
                .build();
    }

    /** The machine's 1-minute load average now (figures of a shared machine are read next to it). */
    public static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    public static String machineLine() {
        JsonObject m = machine();
        return m.getString("date") + ", " + m.getInt("cpus") + " CPUs, " + m.getString("java") + ", load(1m) "
                + String.format(java.util.Locale.ROOT, "%.2f", m.getJsonNumber("loadAverage1m").doubleValue());
    }

    /** Writes target/bench-results/{name}.json and .md, and says where. */
    public static void writeResults(String name, JsonObject json, String markdown) {
        Path dir = targetDirectory().resolve("bench-results");
        try {
            Files.createDirectories(dir);
            JsonWriterFactory writers = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
            StringWriter text = new StringWriter();
            try (var writer = writers.createWriter(text)) {
                writer.writeObject(json);
            }
            Files.writeString(dir.resolve(name + ".json"), text.toString().strip() + "\n", StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(name + ".md"), markdown, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        say("Results: " + dir.resolve(name + ".json") + " and " + dir.resolve(name + ".md"));
    }

    /** Nearest-rank percentile (0 < p ≤ 100) of values, which it sorts in a copy. */
    public static long percentile(long[] values, double p) {
        if (values.length == 0) {
            return 0;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** Median (mean of the two middle values for an even count). */
    public static double median(long[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    public static String fmt(double value, int decimals) {
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f", value);
    }

    public static JsonObjectBuilder object() {
        return Json.createObjectBuilder();
    }
}
