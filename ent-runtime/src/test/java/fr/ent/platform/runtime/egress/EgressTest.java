package fr.ent.platform.runtime.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.problem.DomainException;
import fr.ent.platform.problem.Problem;
import fr.ent.platform.problem.ProblemStatuses;
import fr.ent.platform.testing.ai.LocalChatServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The egress decision, with the real HTTP client and a local HTTPS server that must receive nothing when refused. */
class EgressTest {

    @TempDir
    static Path dir;
    static LocalChatServer server;

    @BeforeAll
    static void start() throws Exception {
        server = LocalChatServer.start(dir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.forget();
    }

    /** A compliant configuration: the local server declared in fr-par and allow-listed. */
    static Map<String, String> allowed() {
        Map<String, String> config = new HashMap<>();
        config.put("ent.sovereignty.regions.fr", "fr-par,fr-mrs");
        config.put("ent.sovereignty.regions.eu", "de-fra");
        config.put("ent.egress.allowed-hosts", "127.0.0.1,llm.ia.example.fr");
        config.put("ent.egress.ai.url", server.url());
        config.put("ent.egress.ai.region", "fr-par");
        config.put("ent.egress.trust-store", server.trustStore().toString());
        config.put("ent.egress.trust-store-password", LocalChatServer.PASSWORD);
        return config;
    }

    static Egress egress(Map<String, String> config) {
        return EgressConfiguration.fromConfig(k -> Optional.ofNullable(config.get(k)));
    }

    private static HttpResponse<String> post(Egress egress) throws Exception {
        return egress.send("ai", "chat/completions",
                HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString("{}")),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Problem refusal(Egress egress) {
        DomainException e = (DomainException) org.assertj.core.api.Assertions.catchThrowable(() -> post(egress));
        assertThat(e).as("the call must be refused").isNotNull();
        return ProblemStatuses.problem(e, Locale.FRENCH);
    }

    @Test
    void anAllowedEndpointIsCalledUnderItsUrl() throws Exception {
        HttpResponse<String> response = post(egress(allowed()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(server.received()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/v1/chat/completions");
        });
    }

    @Test
    void aHostOutsideTheAllowListIsRefusedBeforeAnyByteLeaves() {
        Map<String, String> config = allowed();
        config.put("ent.egress.allowed-hosts", "llm.ia.example.fr");
        Problem problem = refusal(egress(config));
        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.type()).isEqualTo("urn:ent:problem:egress-refused");
        assertThat(problem.detail()).contains("SNC-EGRESS-ALLOWLIST").contains("« ai »")
                .contains(server.url().replace("/v1", "")).contains("egress.hosts.allowed");
        assertThat(problem.extensions()).containsEntry("rules", List.of("SNC-EGRESS-ALLOWLIST"));
        assertThat(server.received()).isEmpty();
    }

    @Test
    void anEndpointDeclaredOutsideTheEuIsRefused() {
        Map<String, String> config = allowed();
        config.put("ent.egress.ai.region", "us-east-1");
        Problem problem = refusal(egress(config));
        assertThat(problem.detail()).contains("GDPR-ART44-TRANSFER").doesNotContain("SNC-EGRESS-ALLOWLIST");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void anEndpointWithoutDeclaredRegionIsRefused() {
        Map<String, String> config = allowed();
        config.remove("ent.egress.ai.region");
        assertThat(refusal(egress(config)).detail()).contains("GDPR-ART44-TRANSFER").contains("région non déclarée");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void plainHttpIsRefused() {
        Map<String, String> config = allowed();
        config.put("ent.egress.ai.url", server.url().replace("https:", "http:"));
        assertThat(refusal(egress(config)).extensions()).containsEntry("rules", List.of("SNC-TLS-EGRESS"));
        assertThat(server.received()).isEmpty();
    }

    @Test
    void everyBrokenRuleIsNamed() {
        Map<String, String> config = allowed();
        config.put("ent.egress.ai.region", "us-east-1");
        config.put("ent.egress.allowed-hosts", "llm.ia.example.fr");
        assertThat(refusal(egress(config)).extensions())
                .containsEntry("rules", List.of("SNC-EGRESS-ALLOWLIST", "GDPR-ART44-TRANSFER"));
    }

    @Test
    void withoutAPolicyNothingLeaves() {
        Map<String, String> config = allowed();
        config.remove("ent.sovereignty.regions.fr");
        Problem problem = refusal(egress(config));
        assertThat(problem.type()).isEqualTo("urn:ent:problem:egress-misconfigured");
        assertThat(problem.detail()).contains("regions.fr");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void anUndeclaredEndpointIsNotConfigured() {
        Map<String, String> config = allowed();
        config.remove("ent.egress.ai.url");
        Egress egress = egress(config);
        assertThat(egress.declared("ai")).isFalse();
        Problem problem = refusal(egress);
        assertThat(problem.type()).isEqualTo("urn:ent:problem:egress-not-configured");
        assertThat(problem.detail()).contains("ent.egress.ai.url");
    }

    @Test
    void aPathCannotLeaveTheDeclaredEndpoint() {
        Egress egress = egress(allowed());
        for (String path : List.of("https://evil.example.com/x", "//evil.example.com/x", "/other", "../x")) {
            assertThatThrownBy(() -> egress.authorize("ai", path)).as(path)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(server.received()).isEmpty();
    }
}
