package fr.ent.platform.local;

import fr.ent.platform.adminapi.CollectivityRequest;
import fr.ent.platform.adminapi.CollectivityView;
import fr.ent.platform.tenancy.TenantState;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A plain HTTP client of the running platform, used by the launcher to seed demo data and by the integration
 * tests: the admin API on its loopback endpoint, and the runtime with an explicit Host header (the JVM must
 * run with {@code -Djdk.httpclient.allowRestrictedHeaders=host}).
 */
public final class PlatformClient {

    /** The admin API's records (module admin-api-contract) as JSON, written and read as tenant-manager does. */
    private static final Jsonb JSONB = JsonbBuilder.create();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI adminBase;
    private final URI runtimeBase;
    private final Supplier<String> adminAuthorization;
    private final Map<String, Supplier<String>> runtimeAuthorizations = new ConcurrentHashMap<>();

    /**
     * @param adminAuthorization the {@code Authorization} header of admin API calls (a platform-admin token of
     *        the platform realm, see {@link fr.ent.platform.identity.ClientCredentials})
     */
    public PlatformClient(URI adminBase, URI runtimeBase, Supplier<String> adminAuthorization) {
        this.adminBase = adminBase;
        this.runtimeBase = runtimeBase;
        this.adminAuthorization = adminAuthorization;
    }

    /**
     * The {@code Authorization} header sent with runtime calls to this host when the call names none (the
     * collectivity administrator of tests and demo seeding).
     */
    public void authorizeRuntime(String host, Supplier<String> authorization) {
        runtimeAuthorizations.put(host, authorization);
    }

    /** The {@code Authorization} header of admin API calls, for a caller that streams a large body itself. */
    public String adminAuthorization() {
        return adminAuthorization.get();
    }

    /** The admin API's base URL ({@code .../admin/api/v1}). */
    public URI adminBase() {
        return adminBase;
    }

    public HttpResponse<String> admin(String method, String path, String json) throws IOException, InterruptedException {
        return admin(method, path, json, adminAuthorization.get());
    }

    /** An admin API call with an explicit {@code Authorization} header (null: none). */
    public HttpResponse<String> admin(String method, String path, String json, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(adminBase + path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An admin API call whose body is bytes of this type (e.g. a collectivity's logo). */
    public HttpResponse<String> adminBytes(String method, String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(adminBase + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        String authorization = adminAuthorization.get();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An admin API GET whose answer is bytes (a backup's file). */
    public HttpResponse<byte[]> adminDownload(String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(adminBase + path)).timeout(Duration.ofSeconds(60))
                .GET();
        String authorization = adminAuthorization.get();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Creates a collectivity unless it exists, then waits until it is ACTIVE (or fails with its reason). */
    public CollectivityView ensureActive(String slug, String kind, String displayName, String... domains)
            throws IOException, InterruptedException {
        HttpResponse<String> existing = admin("GET", "/collectivities/" + slug, null);
        if (existing.statusCode() == 404) {
            String body = JSONB.toJson(new CollectivityRequest(slug, kind, displayName, List.of(domains), null));
            HttpResponse<String> created = admin("POST", "/collectivities", body);
            if (created.statusCode() != 202) {
                throw new IllegalStateException("création de " + slug + " refusée : " + created.statusCode() + " "
                        + created.body());
            }
        }
        // A realm takes ~10 s to make on an idle machine, minutes when several builds share 2 cores.
        return awaitState(slug, TenantState.ACTIVE, Duration.ofMinutes(5));
    }

    public CollectivityView awaitState(String slug, TenantState state, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            HttpResponse<String> response = admin("GET", "/collectivities/" + slug, null);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("lecture de " + slug + " impossible : " + response.statusCode() + " "
                        + response.body());
            }
            CollectivityView c = JSONB.fromJson(response.body(), CollectivityView.class);
            if (c.is(state)) {
                return c;
            }
            if (c.is(TenantState.FAILED) || System.nanoTime() > deadline) {
                throw new IllegalStateException("la collectivité " + slug + " est " + c.state() + " au lieu de "
                        + state + " : " + response.body());
            }
            Thread.sleep(50);
        }
    }

    public HttpResponse<String> runtime(String host, String method, String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        Supplier<String> authorization = runtimeAuthorizations.get(host);
        return runtime(host, method, path, contentType, body, authorization == null ? null : authorization.get());
    }

    /**
     * A portal login that fails on the server's side, as a forged or replayed link would make it fail: starts a
     * login on {@code host} (302 to the collectivity's realm, with the session cookie and the login state), then
     * comes back to the callback with that state and a code Keycloak never issued. Keycloak refuses the code and the
     * runtime answers 502: a real server error of the collectivity (app {@code auth}), which the SLA counts as bad.
     * Returns the callback's answer.
     */
    public HttpResponse<String> failedLogin(String host) throws IOException, InterruptedException {
        HttpResponse<String> login = runtime(host, "GET", "/auth/login", null, null, null);
        String location = login.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
                "pas de redirection vers Keycloak : " + login.statusCode() + " " + login.body()));
        String state = java.util.Arrays.stream(URI.create(location).getRawQuery().split("&"))
                .filter(p -> p.startsWith("state=")).map(p -> p.substring("state=".length())).findFirst()
                .orElseThrow(() -> new IllegalStateException("pas de state dans " + location));
        String cookies = String.join("; ", login.headers().allValues("Set-Cookie").stream()
                .map(c -> c.split(";", 2)[0]).toList());
        HttpRequest callback = HttpRequest.newBuilder(URI.create(runtimeBase + "/auth/callback?state=" + state
                        + "&code=" + UUID.randomUUID())).timeout(Duration.ofSeconds(60))
                .header("Host", host).header("Cookie", cookies).GET().build();
        return http.send(callback, HttpResponse.BodyHandlers.ofString());
    }

    /** A runtime call with an explicit {@code Authorization} header (null: anonymous). */
    public HttpResponse<String> runtime(String host, String method, String path, String contentType, byte[] body,
            String authorization) throws IOException, InterruptedException {
        Map<String, String> headers = authorization == null ? Map.of() : Map.of("Authorization", authorization);
        return runtime(host, method, path, contentType, body, headers, HttpResponse.BodyHandlers.ofString());
    }

    /** A runtime call with these headers, its answer read by {@code handler} (bytes of a download...). */
    public <T> HttpResponse<T> runtime(String host, String method, String path, String contentType, byte[] body,
            Map<String, String> headers, HttpResponse.BodyHandler<T> handler) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(runtimeBase + path))
                .timeout(Duration.ofSeconds(60)).header("Host", host);
        headers.forEach(request::header);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return http.send(request.build(), handler);
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
