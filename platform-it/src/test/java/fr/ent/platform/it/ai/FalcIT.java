package fr.ent.platform.it.ai;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.it.Platform;
import fr.ent.platform.testing.ai.LocalChatServer.Answer;
import fr.ent.platform.testing.ai.LocalChatServer;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The FALC rewrite on the real server: the runtime's real HTTP client calls a local server speaking the OpenAI
 * chat-completions API over HTTPS, declared in Liberty's environment as the platform's AI endpoint
 * ({@link Platform#aiEnvironment}, from the test platform's first start: the allowed configuration costs no
 * restart). The sovereign rules decide whether the call leaves: the refused configuration must leave the local
 * server without a request; it is a restart of Liberty (the endpoint is read at start), hence the order, last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(Platform.RESTARTS_THE_SERVER)
@Isolated
class FalcIT {

    private static final String TEXT = "Conformément aux dispositions réglementaires en vigueur, les représentants "
            + "légaux sont invités à procéder à l'inscription administrative de leur enfant préalablement au 15 mars.";
    private static final String REWRITTEN = "Vous devez inscrire votre enfant à l'école. Faites-le avant le 15 mars.";

    static LocalChatServer ai;
    static Platform platform;
    static String host;
    static String otherHost;

    @BeforeAll
    static void start() {
        platform = Platform.get();
        ai = platform.ai();
        String a = slug("falc-a");
        String b = slug("falc-b");
        host = platform.provisionActive(a, a + ".localhost") + ".localhost";
        otherHost = platform.provisionActive(b, b + ".localhost") + ".localhost";
    }

    private static HttpResponse<String> falc(String onHost, String text) {
        return platform.postJson(onHost, "/api/v1/falc", jakarta.json.Json.createObjectBuilder().add("text", text)
                .build().toString());
    }

    @Test
    @Order(1)
    void anAllowedEndpointIsCalledAndTheRewriteReturnedWithItsReadability() {
        ai.forget();
        ai.answer(Answer.completion(REWRITTEN));

        HttpResponse<String> response = falc(host, TEXT);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject body = Platform.json(response);
        assertThat(body.getString("text")).isEqualTo(REWRITTEN);
        JsonObject before = body.getJsonObject("before");
        JsonObject after = body.getJsonObject("after");
        assertThat(before.getInt("sentences")).isEqualTo(1);
        assertThat(after.getInt("sentences")).isEqualTo(2);
        assertThat(after.getJsonNumber("averageSentenceLength").doubleValue())
                .isLessThan(before.getJsonNumber("averageSentenceLength").doubleValue());
        assertThat(after.getJsonNumber("averageWordLength").doubleValue())
                .isLessThan(before.getJsonNumber("averageWordLength").doubleValue());
        assertThat(body.getString("notice")).contains("relisez");

        assertThat(ai.received()).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/v1/chat/completions");
            assertThat(r.body()).contains("modele-falc", "FALC", "représentants légaux");
        });
    }

    @Test
    @Order(2)
    void theProviderFailingIsAClear502() {
        ai.forget();
        ai.answer(new Answer(500, "{\"error\":{\"message\":\"détail interne du fournisseur\"}}", 0));

        HttpResponse<String> response = falc(host, TEXT);

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonObject problem = Platform.json(response);
        assertThat(problem.getString("type")).isEqualTo("urn:ent:problem:ai-provider-error");
        assertThat(problem.getString("detail")).contains("500").doesNotContain("détail interne");
        assertThat(ai.received()).hasSize(1);
    }

    @Test
    @Order(3)
    void invalidInputAndUnknownHostsNeverReachTheProvider() {
        ai.forget();
        ai.answer(Answer.completion(REWRITTEN));

        HttpResponse<String> empty = falc(host, "   ");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(Platform.json(empty).getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("text");
        assertThat(falc(host, "x".repeat(6001)).statusCode()).isEqualTo(400);
        assertThat(platform.postJson(host, "/api/v1/falc", "pas du json").statusCode()).isEqualTo(400);

        HttpResponse<String> unknown = falc("inconnue-" + slug("x") + ".localhost", TEXT);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Platform.json(unknown).getString("type")).isEqualTo("urn:ent:problem:unknown-tenant");
        assertThat(ai.received()).isEmpty();

        // the other collectivity is served on its own domain, by the same platform endpoint
        assertThat(falc(otherHost, TEXT).statusCode()).isEqualTo(200);
        assertThat(ai.received()).hasSize(1);
    }

    /**
     * Both refusals of the egress door in one restart (each restart costs ~30 s of the CI budget; the rules one
     * by one are EgressTest's): the endpoint is declared outside the EU and is not on the allow-list.
     */
    @Test
    @Order(4)
    void anEndpointOutsideTheEuAndTheAllowListIsRefusedWithBothRulesAndReceivesNothing() {
        Map<String, String> env = Platform.aiEnvironment(ai);
        env.put("ENT_EGRESS_AI_REGION", "us-east-1");
        env.put("ENT_EGRESS_ALLOWED_HOSTS", "llm.ia.example.fr");
        platform.restartWith(env);
        ai.forget();

        HttpResponse<String> response = falc(host, TEXT);

        assertThat(response.statusCode()).isEqualTo(503);
        JsonObject problem = Platform.json(response);
        assertThat(problem.getString("type")).isEqualTo("urn:ent:problem:egress-refused");
        assertThat(problem.getString("detail")).contains("GDPR-ART44-TRANSFER", "« ai »", "127.0.0.1", "us-east-1",
                "Correction", "SNC-EGRESS-ALLOWLIST", "egress.hosts.allowed");
        assertThat(problem.getJsonArray("rules")).extracting(rule -> ((jakarta.json.JsonString) rule).getString())
                .containsExactlyInAnyOrder("GDPR-ART44-TRANSFER", "SNC-EGRESS-ALLOWLIST");
        assertThat(ai.received()).isEmpty();
        // the refusal is logged by the runtime
        assertThat(platform.server().outputDirectory().resolve("console.log")).content()
                .contains("egress refused: endpoint ai");
    }

    static String slug(String prefix) {
        StringBuilder s = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 8; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }
}
