package fr.ent.platform.runtime.ai;

import fr.ent.platform.runtime.egress.Egress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The chat-completions client from configuration (docs/configuration.md, « IA »). */
@ApplicationScoped
public class AiBeans {

    @Inject
    @ConfigProperty(name = "ent.ai.model", defaultValue = "mistral-small-latest")
    String model;

    @Inject
    @ConfigProperty(name = "ent.ai.api-key")
    Optional<String> apiKey;

    @Inject
    @ConfigProperty(name = "ent.ai.timeout-seconds", defaultValue = "60")
    long timeoutSeconds;

    @Produces
    @Singleton
    ChatCompletions chatCompletions(Egress egress) {
        return new ChatCompletions(egress, model, apiKey, Duration.ofSeconds(timeoutSeconds));
    }
}
