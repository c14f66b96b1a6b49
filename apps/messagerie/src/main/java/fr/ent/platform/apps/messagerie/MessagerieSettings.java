package fr.ent.platform.apps.messagerie;

import fr.ent.platform.settings.SettingReader;

/**
 * The messagerie's limits, read once through the runtime's {@link SettingReader} ({@code ENT_MESSAGERIE_*},
 * docs/configuration.md).
 *
 * @param maxBodyChars       the most a message body may hold once sanitized
 * @param maxAttachmentBytes the most one attached file may weigh
 * @param quotaBytes         the most a person's attachments may weigh in all (sent and received copies they own)
 */
public record MessagerieSettings(int maxBodyChars, long maxAttachmentBytes, long quotaBytes) {

    public static MessagerieSettings from(SettingReader settings) {
        return new MessagerieSettings(
                settings.integer("ent.messagerie.max-body-chars", 100_000, 1_000, 1_000_000),
                settings.integer("ent.messagerie.max-attachment-kib", 10 * 1024, 1, 1024 * 1024) * 1024L,
                settings.integer("ent.messagerie.quota-mib", 100, 1, 100 * 1024) * 1024L * 1024L);
    }
}
