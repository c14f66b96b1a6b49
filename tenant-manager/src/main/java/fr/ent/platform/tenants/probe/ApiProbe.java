package fr.ent.platform.tenants.probe;

import fr.ent.platform.identity.ClientCredentials;
import fr.ent.platform.identity.Realms;
import fr.ent.platform.identity.RealmEndpoints;
import fr.ent.platform.tenants.identity.IdentityRealms;
import fr.ent.platform.tenants.registry.Collectivity;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One authenticated API call, as an app makes it: a token of the collectivity's realm for the probe's client
 * ({@code ent-probe}, client credentials), then {@code GET /api/probe} with the collectivity's domain as Host and the
 * token as bearer. The runtime verifies the token against the Host's realm and reads the collectivity's schema; 200
 * with the collectivity's own slug is a success. Tokens are cached until shortly before they expire (one token
 * request per collectivity every few minutes, not every round); the secret is read back from Keycloak when first
 * needed and again after a refusal (the realm or its client was recreated).
 */
final class ApiProbe implements Probe {

    static final String PATH = "/api/probe";

    private final HttpClient http;
    private final URI base;
    private final Duration timeout;
    private final IdentityRealms realms;
    private final RealmEndpoints keycloak;
    private final Map<String, ClientCredentials> credentials = new ConcurrentHashMap<>();

    private java.util.function.Function<String, java.util.Optional<RealmEndpoints>> shards = realm ->
            java.util.Optional.empty();

    ApiProbe(HttpClient http, URI base, Duration timeout, IdentityRealms realms, RealmEndpoints keycloak) {
        this.http = http;
        this.base = base;
        this.timeout = timeout;
        this.realms = realms;
        this.keycloak = keycloak;
    }

    @Override
    public String name() {
        return "api";
    }

    @Override
    public boolean check(Collectivity collectivity, String domain) throws Exception {
        String slug = collectivity.slug();
        String token;
        try {
            token = credentials.computeIfAbsent(slug, s -> credentialsOf(collectivity)).token();
        } catch (RuntimeException e) {
            credentials.remove(slug);
            throw e;
        }
        HttpRequest request = HttpRequest.newBuilder(base.resolve(PATH)).timeout(timeout).header("Host", domain)
                .header("Accept", "application/json").header("Authorization", "Bearer " + token)
                .header("User-Agent", "ent-synthetic-probe").GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401) {
            credentials.remove(slug); // a token of a realm since recreated: fetch the secret and a token again
            return false;
        }
        if (response.statusCode() != 200) {
            return false;
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            JsonObject answer = reader.readObject();
            return slug.equals(answer.getString("collectivity", null));
        }
    }

    @Override
    public void retainOnly(Set<String> slugs) {
        credentials.keySet().retainAll(slugs);
    }

    private ClientCredentials credentialsOf(Collectivity c) {
        String secret = realms.probeSecret(c).orElseThrow(() -> new NotYet(
                "no client " + Realms.PROBE_CLIENT + " in realm " + c.names().realm() + " yet"));
        return new ClientCredentials(http, shards.apply(c.names().realm()).orElse(keycloak).token(c.names().realm()), Realms.PROBE_CLIENT, secret);
    }

    /** Realms on another Keycloak than the configured one get their token there (ADR 0044). */
    ApiProbe onShards(java.util.function.Function<String, java.util.Optional<RealmEndpoints>> shardOfRealm) {
        this.shards = shardOfRealm;
        return this;
    }
}
