package fr.ent.platform.testing.keycloak;

import fr.ent.platform.keycloak.local.LocalKeycloak;
import jakarta.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Realm {@code master} of a test Keycloak, as its bootstrap administrator. */
final class MasterRealm {

    private MasterRealm() {
    }

    /**
     * Sets master's password policy to these hashing terms. The administrator's password, hashed with Keycloak's
     * default at bootstrap, is hashed again this way at its next sign-in (Keycloak re-hashes a password whose
     * algorithm or iterations differ from the policy's when it checks it), so every later admin token is cheap.
     */
    static void hashPasswordsWith(LocalKeycloak keycloak, String policy) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(keycloak.baseUrl()
                            + "/realms/master/protocol/openid-connect/token")).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username="
                            + URLEncoder.encode(keycloak.adminUsername(), StandardCharsets.UTF_8) + "&password="
                            + URLEncoder.encode(keycloak.adminPassword(), StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            check(token, 200, "admin token");
            String bearer = Json.createReader(new StringReader(token.body())).readObject().getString("access_token");
            HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(keycloak.baseUrl()
                            + "/admin/realms/master")).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                            .add("passwordPolicy", policy).build().toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            check(put, 204, "master's password policy");
        } catch (IOException e) {
            throw new UncheckedIOException("master realm of " + keycloak.baseUrl() + " not set up", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void check(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("Keycloak " + what + ": HTTP " + response.statusCode() + " "
                    + response.body());
        }
    }
}
