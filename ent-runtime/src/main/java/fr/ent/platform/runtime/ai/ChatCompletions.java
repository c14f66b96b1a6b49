package fr.ent.platform.runtime.ai;

import fr.ent.platform.problem.DependencyFailed;
import fr.ent.platform.problem.DependencyTimedOut;
import fr.ent.platform.runtime.egress.Egress;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A client of an OpenAI-compatible chat-completions API ({@code POST <endpoint url>/chat/completions}), the API that
 * sovereign providers expose. It only goes out through the {@link Egress} door, endpoint {@value #ENDPOINT}.
 * Failures of the provider become problems the caller can show: {@code ai-provider-timeout} (dependency timed out),
 * {@code ai-provider-unreachable}, {@code ai-provider-error} (its status is in {@code providerStatus}) or
 * {@code ai-provider-invalid-response}; the details are logged, the provider's body is not returned to the user.
 */
public final class ChatCompletions {

    /** The egress endpoint of the AI provider: {@code ent.egress.ai.*}. */
    public static final String ENDPOINT = "ai";
    private static final Logger LOG = Logger.getLogger(ChatCompletions.class.getName());
    private static final int LOGGED_BODY = 300;

    private final Egress egress;
    private final String model;
    private final Optional<String> apiKey;
    private final Duration timeout;

    /**
     * @param model the provider's model name ({@code ent.ai.model})
     * @param apiKey sent as a bearer token when present ({@code ent.ai.api-key})
     * @param timeout for the whole exchange ({@code ent.ai.timeout-seconds})
     */
    public ChatCompletions(Egress egress, String model, Optional<String> apiKey, Duration timeout) {
        this.egress = Objects.requireNonNull(egress, "egress");
        this.model = Objects.requireNonNull(model, "model");
        this.apiKey = apiKey.filter(k -> !k.isBlank());
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The text of the first choice. */
    public String complete(List<ChatMessage> messages, double temperature) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        messages.forEach(m -> array.add(Json.createObjectBuilder().add("role", m.role()).add("content", m.content())));
        String body = Json.createObjectBuilder().add("model", model).add("messages", array)
                .add("temperature", temperature).add("stream", false).build().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder().timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        apiKey.ifPresent(key -> request.header("Authorization", "Bearer " + key));
        HttpResponse<String> response;
        try {
            response = egress.send(ENDPOINT, "chat/completions", request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            LOG.log(Level.WARNING, "AI provider timed out after {0}: {1}", new Object[] {timeout, e.getMessage()});
            throw new DependencyTimedOut("ai-provider-timeout", String.valueOf(timeout.toSeconds()));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "AI provider unreachable: {0}", e.toString());
            throw new DependencyFailed("ai-provider-unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DependencyFailed("ai-provider-unreachable");
        }
        if (response.statusCode() / 100 != 2) {
            LOG.log(Level.WARNING, "AI provider answered {0}: {1}",
                    new Object[] {response.statusCode(), abbreviate(response.body())});
            throw new DependencyFailed("ai-provider-error", String.valueOf(response.statusCode()))
                    .with("providerStatus", response.statusCode());
        }
        return firstChoice(response.body());
    }

    private static String firstChoice(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            JsonArray choices = reader.readObject().getJsonArray("choices");
            if (choices != null && !choices.isEmpty()) {
                JsonObject message = choices.getJsonObject(0).getJsonObject("message");
                if (message != null && message.get("content") instanceof JsonString content
                        && !content.getString().isBlank()) {
                    return content.getString().strip();
                }
            }
        } catch (JsonException | ClassCastException e) {
            // reported below
        }
        LOG.log(Level.WARNING, "AI provider answer unreadable: {0}", abbreviate(body));
        throw new DependencyFailed("ai-provider-invalid-response");
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= LOGGED_BODY ? text : text.substring(0, LOGGED_BODY) + "…";
    }
}
