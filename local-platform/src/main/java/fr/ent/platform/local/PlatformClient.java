package fr.ent.platform.local;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * A plain HTTP client of the running platform, used by the launcher to seed demo data and by the integration
 * tests: the admin API on its loopback endpoint, and the runtime with an explicit Host header (the JVM must
 * run with {@code -Djdk.httpclient.allowRestrictedHeaders=host}).
 */
public final class PlatformClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI adminBase;
    private final URI runtimeBase;

    public PlatformClient(URI adminBase, URI runtimeBase) {
        this.adminBase = adminBase;
        this.runtimeBase = runtimeBase;
    }

    public HttpResponse<String> admin(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(adminBase + path)).timeout(Duration.ofSeconds(30));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Creates a collectivity unless it exists, then waits until it is ACTIVE (or fails with its reason). */
    public JsonObject ensureActive(String slug, String kind, String displayName, String... domains)
            throws IOException, InterruptedException {
        HttpResponse<String> existing = admin("GET", "/collectivities/" + slug, null);
        if (existing.statusCode() == 404) {
            JsonArrayBuilder domainArray = Json.createArrayBuilder();
            for (String d : domains) {
                domainArray.add(d);
            }
            String body = Json.createObjectBuilder().add("slug", slug).add("kind", kind)
                    .add("displayName", displayName).add("domains", domainArray).build().toString();
            HttpResponse<String> created = admin("POST", "/collectivities", body);
            if (created.statusCode() != 202) {
                throw new IllegalStateException("création de " + slug + " refusée : " + created.statusCode() + " "
                        + created.body());
            }
        }
        return awaitState(slug, "ACTIVE", Duration.ofMinutes(2));
    }

    public JsonObject awaitState(String slug, String state, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            HttpResponse<String> response = admin("GET", "/collectivities/" + slug, null);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("lecture de " + slug + " impossible : " + response.statusCode() + " "
                        + response.body());
            }
            JsonObject c = json(response);
            String now = c.getString("state");
            if (now.equals(state)) {
                return c;
            }
            if (now.equals("FAILED") || System.nanoTime() > deadline) {
                throw new IllegalStateException("la collectivité " + slug + " est " + now + " au lieu de " + state
                        + " : " + c);
            }
            Thread.sleep(50);
        }
    }

    public HttpResponse<String> runtime(String host, String method, String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(runtimeBase + path))
                .timeout(Duration.ofSeconds(60)).header("Host", host);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String host, String path) throws IOException, InterruptedException {
        return runtime(host, "GET", path, null, null);
    }

    public HttpResponse<String> postJson(String host, String path, String json) throws IOException, InterruptedException {
        return runtime(host, "POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** multipart/form-data with one file part per entry (field name → bytes). */
    public HttpResponse<String> postMultipart(String host, String path, Map<String, byte[]> parts)
            throws IOException, InterruptedException {
        String boundary = "ent-" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> part : parts.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.getKey()
                    + "\"; filename=\"" + part.getKey() + ".csv\"\r\nContent-Type: text/csv\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(part.getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return runtime(host, "POST", path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    public static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
