package fr.ent.platform.runtime.ai;

import fr.ent.platform.settings.SettingReader;
import java.time.Duration;
import java.util.Optional;

/**
 * The AI provider's settings (docs/configuration.md); where it is comes from the egress endpoint {@code ai}.
 *
 * @param model   {@code ent.ai.model} ({@code mistral-small-latest}): the model sent to the chat-completions API
 * @param apiKey  {@code ent.ai.api-key}: the provider's bearer token (a secret)
 * @param timeout {@code ent.ai.timeout-seconds} (60): the whole exchange with the provider
 */
public record AiSettings(String model, Optional<String> apiKey, Duration timeout) {

    public static AiSettings from(SettingReader settings) {
        return new AiSettings(settings.text("ent.ai.model", "mistral-small-latest"), settings.text("ent.ai.api-key"),
                Duration.ofSeconds(settings.integer("ent.ai.timeout-seconds", 60, 1, 3600)));
    }

    @Override
    public String toString() {
        // never the key
        return "AiSettings[model=" + model + ", apiKey=" + (apiKey.isPresent() ? "(set)" : "(unset)") + ", timeout="
                + timeout + "]";
    }
}
