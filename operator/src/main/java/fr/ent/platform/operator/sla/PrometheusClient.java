package fr.ent.platform.operator.sla;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalDouble;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Instant queries against the Prometheus HTTP API ({@code GET /api/v1/query}). */
public class PrometheusClient {

    private final URI base;
    private final Duration timeout;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    public PrometheusClient(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public URI base() {
        return base;
    }

    /**
     * The value of the first sample of an instant query whose result is a vector (or scalar); empty when the vector
     * is empty or the value is NaN (no events in the window).
     */
    public OptionalDouble value(String promql) {
        URI uri = URI.create(base + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PrometheusUnavailable("Prometheus " + base + " unreachable: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrometheusUnavailable("interrupted while querying Prometheus " + base, e);
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (RuntimeException e) {
            throw new PrometheusUnavailable("Prometheus " + base + " answered HTTP " + response.statusCode()
                    + " with a body that is not its API's JSON", e);
        }
        if (response.statusCode() != 200 || !"success".equals(body.path("status").asString())) {
            throw new PrometheusUnavailable("Prometheus " + base + " answered HTTP " + response.statusCode() + ": "
                    + body.path("errorType").asString("") + " " + body.path("error").asString(""), null);
        }
        JsonNode data = body.path("data");
        JsonNode sample = switch (data.path("resultType").asString()) {
            case "vector" -> data.path("result").path(0).path("value");
            case "scalar" -> data.path("result");
            default -> null;
        };
        if (sample == null || !sample.isArray() || sample.size() < 2) {
            return OptionalDouble.empty();
        }
        double value = Double.parseDouble(sample.get(1).asString());
        return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }
}
