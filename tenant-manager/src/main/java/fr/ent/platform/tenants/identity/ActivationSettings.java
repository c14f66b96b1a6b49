package fr.ent.platform.tenants.identity;

import fr.ent.platform.settings.SettingReader;
import java.time.Duration;
import java.util.Optional;

/**
 * The activation codes the account sync hands out (ADR 0008, ADR 0013).
 *
 * @param codeValidity {@code ent.identity.activation-code-validity-days} (30, at least 1): how long a code can be used
 * @param expiryCheck  {@code ent.identity.activation-expiry-check-minutes} (60): how often expired codes are looked
 *                     for; empty when set to 0 (each sync still checks)
 */
public record ActivationSettings(Duration codeValidity, Optional<Duration> expiryCheck) {

    public static ActivationSettings from(SettingReader settings) {
        int minutes = settings.integer("ent.identity.activation-expiry-check-minutes", 60, 0, 7 * 24 * 60);
        return new ActivationSettings(
                Duration.ofDays(settings.integer("ent.identity.activation-code-validity-days", 30, 1, 3650)),
                minutes == 0 ? Optional.empty() : Optional.of(Duration.ofMinutes(minutes)));
    }
}
