package fr.ent.platform.runtime.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.ent.platform.problem.DomainException;
import fr.ent.platform.problem.Problem;
import fr.ent.platform.problem.ProblemStatuses;
import fr.ent.platform.runtime.egress.EgressConfiguration;
import fr.ent.platform.testing.ai.LocalChatServer;
import fr.ent.platform.testing.ai.LocalChatServer.Answer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chat-completions client against a local OpenAI-compatible HTTPS server, through the egress door. */
class ChatCompletionsTest {

    @TempDir
    static Path dir;
    static LocalChatServer server;
    static ChatCompletions client;

    @BeforeAll
    static void start() throws Exception {
        server = LocalChatServer.start(dir);
        Map<String, String> config = Map.of("ent.sovereignty.regions.fr", "fr-par",
                "ent.egress.allowed-hosts", "127.0.0.1", "ent.egress.ai.url", server.url(),
                "ent.egress.ai.region", "fr-par", "ent.egress.trust-store", server.trustStore().toString(),
                "ent.egress.trust-store-password", LocalChatServer.PASSWORD);
        client = new ChatCompletions(EgressConfiguration.fromConfig(k -> Optional.ofNullable(config.get(k))),
                // 5 s: a TLS handshake on a loaded 2-core machine took over 2 s (a timeout where none was tested)
                "modele-local", Optional.of("cle-secrete"), Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.forget();
    }

    @Test
    void sendsTheConversationAndReturnsTheFirstChoice() {
        server.answer(Answer.completion("  Le texte simple.  "));
        String text = client.complete(List.of(ChatMessage.system("Règles"), ChatMessage.user("Texte « accentué »")), 0.2);

        assertThat(text).isEqualTo("Le texte simple.");
        LocalChatServer.Received request = server.received().getFirst();
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.authorization()).isEqualTo("Bearer cle-secrete");
        JsonObject body = Json.createReader(new StringReader(request.body())).readObject();
        assertThat(body.getString("model")).isEqualTo("modele-local");
        assertThat(body.getJsonArray("messages").getJsonObject(1).getString("content")).isEqualTo("Texte « accentué »");
        assertThat(body.getJsonArray("messages").getJsonObject(0).getString("role")).isEqualTo("system");
    }

    private static Problem failure() {
        return ProblemStatuses.problem(catchThrowableOfType(DomainException.class,
                () -> client.complete(List.of(ChatMessage.user("x")), 0)), Locale.FRENCH);
    }

    @Test
    void aProviderErrorIsA502NamingItsStatus() {
        server.answer(new Answer(500, "{\"error\":{\"message\":\"surcharge\"}}", 0));
        Problem problem = failure();
        assertThat(problem.status()).isEqualTo(502);
        assertThat(problem.type()).isEqualTo("urn:ent:problem:ai-provider-error");
        assertThat(problem.detail()).contains("500").doesNotContain("surcharge");
        assertThat(problem.extensions()).containsEntry("providerStatus", 500);
    }

    @Test
    void anAnswerWithoutTextIsA502() {
        server.answer(new Answer(200, "{\"choices\":[]}", 0));
        assertThat(failure().type()).isEqualTo("urn:ent:problem:ai-provider-invalid-response");
        server.answer(new Answer(200, "<html>proxy</html>", 0));
        assertThat(failure().type()).isEqualTo("urn:ent:problem:ai-provider-invalid-response");
    }

    @Test
    void aSlowProviderIsA504() {
        server.answer(new Answer(200, "{}", 7000));
        Problem problem = failure();
        assertThat(problem.status()).isEqualTo(504);
        assertThat(problem.detail()).contains("5 secondes");
    }
}
