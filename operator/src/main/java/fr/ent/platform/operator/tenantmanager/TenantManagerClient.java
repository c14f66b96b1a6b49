package fr.ent.platform.operator.tenantmanager;

import fr.ent.platform.adminapi.CollectivityAppsView;
import fr.ent.platform.adminapi.CollectivityRequest;
import fr.ent.platform.adminapi.CollectivityView;
import fr.ent.platform.adminapi.KeycloakShardRequest;
import fr.ent.platform.adminapi.KeycloakShardView;
import fr.ent.platform.adminapi.ProvisioningView;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP client of tenant-manager's admin API ({@code /admin/api/v1}, docs/admin-api.md). Every call is safe
 * to repeat: reads are reads, and each write is guarded by the caller on the state it read first. Problems are
 * asked in English ({@code Accept-Language: en}) because their detail ends up in status conditions.
 */
public class TenantManagerClient {

    private static final String PROBLEM_PREFIX = "urn:ent:problem:";

    private final URI base;
    private final HttpClient http;
    private final Duration timeout;
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final Supplier<String> authorization;

    /**
     * @param authorization the {@code Authorization} header of every call: a platform-admin token of the platform
     *        realm (the operator's service account, {@link fr.ent.platform.identity.ClientCredentials})
     */
    public TenantManagerClient(URI base, Duration timeout, Supplier<String> authorization) {
        this(base, timeout, authorization, null);
    }

    /**
     * @param tls the trust of an https base ({@link TenantManagerTls}: the admin endpoint's CA); null: the JVM's
     *        CAs. Certificates and host names are always checked.
     */
    public TenantManagerClient(URI base, Duration timeout, Supplier<String> authorization, SSLContext tls) {
        this.authorization = authorization;
        this.base = URI.create(base.toString().replaceAll("/+$", ""));
        this.timeout = timeout;
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(timeout);
        if (tls != null) {
            http.sslContext(tls);
        }
        this.http = http.build();
    }

    public URI base() {
        return base;
    }

    /** The collectivity, or empty if tenant-manager has never heard of the slug. */
    public Optional<CollectivityView> find(String slug) {
        HttpResponse<String> response = send("GET", "/collectivities/" + path(slug), null);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(read(expect(response, 200), CollectivityView.class));
    }

    public ProvisioningView provisioning(String slug) {
        return read(expect(send("GET", "/collectivities/" + path(slug) + "/provisioning", null), 200),
                ProvisioningView.class);
    }

    /** POST /collectivities: records it and starts provisioning (202). */
    public CollectivityView create(CollectivityRequest tenant) {
        return read(expect(send("POST", "/collectivities", json.writeValueAsString(tenant)), 202), CollectivityView.class);
    }

    /** PATCH /collectivities/{slug}: display name, kind, domains and plan as given (409 domain-taken). */
    public CollectivityView change(String slug, CollectivityRequest description) {
        return read(expect(send("PATCH", "/collectivities/" + path(slug), json.writeValueAsString(description)), 200),
                CollectivityView.class);
    }

    public CollectivityView retryProvisioning(String slug) {
        return read(expect(send("POST", "/collectivities/" + path(slug) + "/provisioning/retry", ""), 202),
                CollectivityView.class);
    }

    public CollectivityView suspend(String slug) {
        return lifecycle(slug, "suspend");
    }

    public CollectivityView resume(String slug) {
        return lifecycle(slug, "resume");
    }

    public CollectivityView archive(String slug) {
        return lifecycle(slug, "archive");
    }

    public CollectivityView delete(String slug, boolean retainData) {
        return read(expect(send("DELETE", "/collectivities/" + path(slug) + "?retainData=" + retainData, null), 200),
                CollectivityView.class);
    }

    /** GET /collectivities/{slug}/apps: the apps the collectivity offers (enabled null = all). */
    public CollectivityAppsView apps(String slug) {
        return read(expect(send("GET", "/collectivities/" + path(slug) + "/apps", null), 200), CollectivityAppsView.class);
    }

    /** PUT /collectivities/{slug}/apps: exactly these apps, or every app with null (400 unknown-apps). */
    public CollectivityAppsView setApps(String slug, List<String> enabled) {
        String body = json.writeValueAsString(new fr.ent.platform.adminapi.CollectivityAppsRequest(enabled));
        return read(expect(send("PUT", "/collectivities/" + path(slug) + "/apps", body), 200),
                CollectivityAppsView.class);
    }

    /** GET /collectivities/{slug}/account-storage: where the collectivity makes its new accounts (ADR 0043). */
    public fr.ent.platform.adminapi.AccountStorageView accountStorage(String slug) {
        return read(expect(send("GET", "/collectivities/" + path(slug) + "/account-storage", null), 200),
                fr.ent.platform.adminapi.AccountStorageView.class);
    }

    /**
     * PUT /collectivities/{slug}/account-storage (409 directory-accounts-unavailable without the platform's
     * provider, 409 account-storage-one-way back to keycloak).
     */
    public fr.ent.platform.adminapi.AccountStorageView setAccountStorage(String slug, String storage) {
        String body = json.writeValueAsString(new fr.ent.platform.adminapi.AccountStorageRequest(storage));
        return read(expect(send("PUT", "/collectivities/" + path(slug) + "/account-storage", body), 200),
                fr.ent.platform.adminapi.AccountStorageView.class);
    }

    /** PUT /compliance/inventory: the cluster inventory for the compliance reports (JSON of InventorySnapshot). */
    public void putInventory(String snapshotJson) {
        expect(send("PUT", "/compliance/inventory", snapshotJson), 200);
    }

    /** GET /keycloak-shards: the Keycloak servers of the registry with their capacity, realms and fill (ADR 0050). */
    public List<KeycloakShardView> shards() {
        return List.of(read(expect(send("GET", "/keycloak-shards", null), 200), KeycloakShardView[].class));
    }

    /** PUT /keycloak-shards/{name}: registers the shard or replaces its settings (201 or 200; 400 refused). */
    public KeycloakShardView putShard(String name, KeycloakShardRequest shard) {
        HttpResponse<String> response = send("PUT", "/keycloak-shards/" + path(name), json.writeValueAsString(shard));
        return read(expect(response, response.statusCode() == 201 ? 201 : 200), KeycloakShardView.class);
    }

    private CollectivityView lifecycle(String slug, String action) {
        return read(expect(send("POST", "/collectivities/" + path(slug) + "/" + action, ""), 200), CollectivityView.class);
    }

    private HttpResponse<String> send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Accept", "application/json").header("Accept-Language", "en");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            request.header("Authorization", authorization.get());
        } catch (RuntimeException e) {
            // Keycloak down or the operator's client refused: like tenant-manager down, retried with backoff.
            throw new TenantManagerUnavailable("no token for tenant-manager: " + e.getMessage(), e);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TenantManagerUnavailable("tenant-manager unreachable at " + base + " (" + method + " " + path
                    + "): " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TenantManagerUnavailable("interrupted while calling tenant-manager", e);
        }
    }

    private HttpResponse<String> expect(HttpResponse<String> response, int wanted) {
        int status = response.statusCode();
        if (status == wanted) {
            return response;
        }
        if (status >= 500 || status == 429) {
            throw new TenantManagerUnavailable("tenant-manager answered " + status + " to "
                    + response.request().method() + " " + response.uri().getPath() + ": " + problemDetail(response),
                    null);
        }
        if (!isProblem(response)) {
            // Not tenant-manager's own answer (it refuses with application/problem+json): a server whose admin
            // application is not deployed yet, e.g. while Liberty starts, answers 404 "context root missing".
            throw new TenantManagerUnavailable("the admin API at " + base + " answered " + status + " without a"
                    + " problem document to " + response.request().method() + " " + response.uri().getPath()
                    + " (tenant-manager not started yet?)", null);
        }
        throw problem(response);
    }

    private static boolean isProblem(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").map(t -> t.startsWith("application/problem+json"))
                .orElse(false);
    }

    private TenantManagerProblem problem(HttpResponse<String> response) {
        try {
            JsonNode doc = json.readTree(response.body());
            String type = doc.path("type").asString("");
            String code = type.startsWith(PROBLEM_PREFIX) ? type.substring(PROBLEM_PREFIX.length()) : type;
            List<TenantManagerProblem.FieldError> errors = doc.path("errors").valueStream()
                    .map(e -> new TenantManagerProblem.FieldError(e.path("field").asString(""),
                            e.path("message").asString("")))
                    .toList();
            return new TenantManagerProblem(response.statusCode(), code, doc.path("detail").asString(type), errors);
        } catch (RuntimeException notJson) {
            return new TenantManagerProblem(response.statusCode(), "http-" + response.statusCode(), response.body(),
                    List.of());
        }
    }

    private String problemDetail(HttpResponse<String> response) {
        TenantManagerProblem p = problem(response);
        return p.detail() == null || p.detail().isBlank() ? p.code() : p.detail();
    }

    private <T> T read(HttpResponse<String> response, Class<T> type) {
        return json.readValue(response.body(), type);
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }
}
