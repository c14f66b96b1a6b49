package fr.ent.platform.apps.privacy;

import fr.ent.platform.settings.SettingReader;
import java.time.Duration;

/**
 * How long a person's archive is kept, and how often the platform looks for archives past that time and for jobs a
 * restart interrupted ({@code ENT_PRIVACY_*}, docs/configuration.md, docs/data-protection.md).
 *
 * @param keptFor how long a ready archive can be downloaded (then it is deleted; the request's row stays)
 * @param sweep   how often expired archives are deleted and interrupted jobs reported failed
 */
public record PrivacySettings(Duration keptFor, Duration sweep) {

    public static PrivacySettings from(SettingReader settings) {
        return new PrivacySettings(Duration.ofHours(settings.integer("ent.privacy.export-kept-hours", 168, 1, 24 * 30)),
                Duration.ofSeconds(settings.integer("ent.privacy.sweep-seconds", 600, 5, 86_400)));
    }
}
