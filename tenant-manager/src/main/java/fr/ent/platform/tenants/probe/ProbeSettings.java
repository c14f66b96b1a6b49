package fr.ent.platform.tenants.probe;

import fr.ent.platform.settings.SettingReader;
import java.net.URI;
import java.time.Duration;

/**
 * The synthetic probe's settings (docs/configuration.md): {@code ent.probe.enabled} (true), {@code ent.probe.interval}
 * (15 s between rounds), {@code ent.probe.timeout} (5 s) and {@code ent.probe.base-url} (default: this server's own
 * public port, {@code ent.http.port}, 9080).
 */
public record ProbeSettings(boolean enabled, Duration interval, Duration timeout, URI baseUrl) {

    public static ProbeSettings from(SettingReader settings) {
        int httpPort = settings.integer("ent.http.port", 9080, 1, 65535);
        return new ProbeSettings(settings.flag("ent.probe.enabled", true),
                Duration.ofSeconds(settings.integer("ent.probe.interval", 15, 1, 86_400)),
                Duration.ofSeconds(settings.integer("ent.probe.timeout", 5, 1, 600)),
                settings.url("ent.probe.base-url").orElse(URI.create("http://127.0.0.1:" + httpPort)));
    }
}
