package fr.ent.platform.keycloak.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Starts the real Keycloak distribution twice on one home: ready, usable, stopped without leftovers, persistent. */
class LocalKeycloakTest {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void startsReadyGivesAnAdminTokenStopsItsWholeTreeAndKeepsRealmsAcrossRestarts() throws Exception {
        Path home = Paths.get(System.getProperty("ent.keycloak.home", "target/keycloak"));
        // The build's shared home keeps the database of the last server started on it (another module's tests, with
        // their own administrator): this test's admin/admin exists only in a database its first start creates.
        deleteTree(home.resolve("data"));
        String realm = "persisted-" + System.nanoTime();
        List<String> progress = new CopyOnWriteArrayList<>();
        List<ProcessHandle> tree;

        try (LocalKeycloak keycloak = LocalKeycloak.builder(home).admin("admin", "admin").progress(progress::add)
                .start()) {
            assertThat(Files.isExecutable(home.resolve("bin/kc.sh"))).isTrue();
            assertThat(status(keycloak.managementUrl().resolve("/health/ready"), null)).isEqualTo(200);
            String token = adminToken(keycloak);
            assertThat(post(keycloak.baseUrl().resolve("/admin/realms"), token,
                    "{\"realm\":\"" + realm + "\",\"enabled\":true}")).isEqualTo(201);
            tree = processTree(keycloak);
            // kc.sh and the Keycloak JVM, or only the JVM when kc.sh exec'ed it after Quarkus' build step
            assertThat(tree).anyMatch(p -> p.info().command().orElse("").endsWith("/java"));
            // Keycloak's JVM resolves through our hosts file; names added later are appended (lower case, once).
            assertThat(tree).anyMatch(p -> String.join(" ", p.info().arguments().orElse(new String[0]))
                    .contains("-Djdk.net.hosts.file=" + keycloak.hostsFile()));
            keycloak.resolveToLoopback(List.of("Lyon.localhost", "localhost"));
            keycloak.resolveToLoopback(List.of("lyon.localhost"));
            assertThat(Files.readAllLines(keycloak.hostsFile())).contains("127.0.0.1 lyon.localhost")
                    .anyMatch(line -> line.startsWith("127.0.0.1 localhost"));
        }
        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThat(progress).anyMatch(line -> line.startsWith("Keycloak : prêt en "));

        try (LocalKeycloak again = LocalKeycloak.builder(home).admin("admin", "admin").start()) {
            assertThat(status(again.baseUrl().resolve("/admin/realms/" + realm), adminToken(again))).isEqualTo(200);
            assertThat(status(again.baseUrl().resolve("/admin/realms/" + realm), null)).isEqualTo(401);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static List<ProcessHandle> processTree(LocalKeycloak keycloak) {
        List<ProcessHandle> tree = new java.util.ArrayList<>(keycloak.process().descendants().toList());
        tree.add(keycloak.process());
        return tree;
    }

    private String adminToken(LocalKeycloak keycloak) throws Exception {
        String form = "grant_type=password&client_id=admin-cli&username="
                + URLEncoder.encode(keycloak.adminUsername(), StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(keycloak.adminPassword(), StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                keycloak.baseUrl().resolve("/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        Matcher m = ACCESS_TOKEN.matcher(response.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private int status(URI uri, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int post(URI uri, String token, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
