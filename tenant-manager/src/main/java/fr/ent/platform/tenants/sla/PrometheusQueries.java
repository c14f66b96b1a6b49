package fr.ent.platform.tenants.sla;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Range and instant queries against the Prometheus HTTP API ({@code /api/v1/query_range}, {@code /api/v1/query}),
 * read with JSON-P (Liberty's; the war carries no JSON library of its own).
 */
public class PrometheusQueries {

    /** One series of a result: its labels and its samples in time order (NaN kept as NaN). */
    public record Series(Map<String, String> labels, List<Sample> samples) {
    }

    public record Sample(Instant at, double value) {
    }

    /** Prometheus did not answer a query (connection refused, timeout, HTTP or query error). */
    public static class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final URI base;
    private final Duration timeout;
    private final HttpClient http;

    public PrometheusQueries(URI base, Duration timeout) {
        String url = base.toString();
        this.base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public URI base() {
        return base;
    }

    /** {@code query_range} from {@code start} to {@code end} (both included) every {@code step}. */
    public List<Series> range(String promql, Instant start, Instant end, Duration step) {
        return series(get("/api/v1/query_range", Map.of("query", promql, "start", seconds(start),
                "end", seconds(end), "step", Long.toString(step.toSeconds()))), "matrix");
    }

    /** An instant query evaluated at {@code time}; each series has one sample. */
    public List<Series> instant(String promql, Instant time) {
        return series(get("/api/v1/query", Map.of("query", promql, "time", seconds(time))), "vector");
    }

    private static String seconds(Instant t) {
        return Long.toString(t.getEpochSecond());
    }

    private JsonObject get(String path, Map<String, String> parameters) {
        StringBuilder uri = new StringBuilder(base.toString()).append(path);
        char separator = '?';
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            uri.append(separator).append(p.getKey()).append('=')
                    .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(uri.toString())).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unavailable(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted", e);
        }
        JsonObject body;
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            body = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new Unavailable("HTTP " + response.statusCode() + ", not the Prometheus API's JSON", e);
        }
        if (response.statusCode() != 200 || !"success".equals(body.getString("status", ""))) {
            throw new Unavailable("HTTP " + response.statusCode() + " " + body.getString("errorType", "") + " "
                    + body.getString("error", ""), null);
        }
        return body.getJsonObject("data");
    }

    private static List<Series> series(JsonObject data, String expectedType) {
        if (data == null || !expectedType.equals(data.getString("resultType", ""))) {
            throw new Unavailable("unexpected result type " + (data == null ? null : data.get("resultType")), null);
        }
        List<Series> all = new ArrayList<>();
        for (JsonValue item : data.getJsonArray("result")) {
            JsonObject s = item.asJsonObject();
            Map<String, String> labels = new HashMap<>();
            s.getJsonObject("metric").forEach((k, v) -> labels.put(k, ((jakarta.json.JsonString) v).getString()));
            List<Sample> samples = new ArrayList<>();
            if (s.containsKey("values")) {
                for (JsonValue v : s.getJsonArray("values")) {
                    samples.add(sample(v.asJsonArray()));
                }
            } else {
                samples.add(sample(s.getJsonArray("value")));
            }
            all.add(new Series(Map.copyOf(labels), List.copyOf(samples)));
        }
        return all;
    }

    /** {@code [1764547200.123, "0.0012"]}: the value is a string ("NaN", "+Inf" included). */
    private static Sample sample(JsonArray pair) {
        Instant at = Instant.ofEpochMilli(Math.round(pair.getJsonNumber(0).doubleValue() * 1000));
        String value = pair.getString(1);
        return new Sample(at, value.endsWith("Inf") ? (value.startsWith("-") ? Double.NEGATIVE_INFINITY
                : Double.POSITIVE_INFINITY) : Double.parseDouble(value));
    }
}
