package fr.ent.platform.apps.notifications.timeline;

import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * How notifications are e-mailed, read once from MicroProfile Config ({@code ENT_MAIL_*}, docs/configuration.md).
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

    public static MailSettings from(Config config) {
        return new MailSettings(
                text(config, "ent.mail.host"),
                config.getOptionalValue("ent.mail.port", Integer.class).orElse(587),
                config.getOptionalValue("ent.mail.starttls", Boolean.class).orElse(true),
                text(config, "ent.mail.username"),
                config.getOptionalValue("ent.mail.password", String.class),
                text(config, "ent.mail.from").orElse("ne-pas-repondre@ent.localhost"),
                Duration.ofSeconds(config.getOptionalValue("ent.notifications.tick-seconds", Long.class).orElse(15L)));
    }

    private static Optional<String> text(Config config, String name) {
        return config.getOptionalValue(name, String.class).map(String::strip).filter(s -> !s.isEmpty());
    }
}
