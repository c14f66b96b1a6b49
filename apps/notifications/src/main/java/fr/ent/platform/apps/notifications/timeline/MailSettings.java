package fr.ent.platform.apps.notifications.timeline;

import fr.ent.platform.settings.SettingReader;
import java.time.Duration;
import java.util.Optional;

/**
 * How notifications are e-mailed, read once through the runtime's {@link SettingReader} ({@code ENT_MAIL_*},
 * docs/configuration.md; a value that cannot be used stops the start with its name).
 * Without a host, nothing is e-mailed: deliveries due for e-mail wait until one is configured.
 *
 * @param host      the SMTP server
 * @param port      its port (587 with STARTTLS in production)
 * @param startTls  whether to require STARTTLS
 * @param from      the sender address
 * @param tick      how often due e-mails and interrupted fan-outs are looked for
 */
public record MailSettings(Optional<String> host, int port, boolean startTls, Optional<String> username,
        Optional<String> password, String from, Duration tick) {

    public static MailSettings from(SettingReader settings) {
        return new MailSettings(
                settings.text("ent.mail.host"),
                settings.integer("ent.mail.port", 587, 1, 65_535),
                settings.flag("ent.mail.starttls", true),
                settings.text("ent.mail.username"),
                settings.raw("ent.mail.password").filter(p -> !p.isEmpty()),
                settings.text("ent.mail.from", "ne-pas-repondre@ent.localhost"),
                Duration.ofSeconds(settings.integer("ent.notifications.tick-seconds", 15, 1, 3_600)));
    }

    /** Without the password. */
    @Override
    public String toString() {
        return "MailSettings[host=" + host + ", port=" + port + ", startTls=" + startTls + ", username=" + username
                + ", from=" + from + ", tick=" + tick + "]";
    }
}
