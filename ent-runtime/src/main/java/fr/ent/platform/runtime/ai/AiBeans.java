package fr.ent.platform.runtime.ai;

import fr.ent.platform.runtime.egress.Egress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The chat-completions client from its settings (docs/configuration.md, « IA »). */
@ApplicationScoped
public class AiBeans {

    @Produces
    @Singleton
    ChatCompletions chatCompletions(Egress egress, AiSettings settings) {
        return new ChatCompletions(egress, settings.model(), settings.apiKey(), settings.timeout());
    }
}
