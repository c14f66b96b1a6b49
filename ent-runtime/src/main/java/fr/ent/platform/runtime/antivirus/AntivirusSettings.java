package fr.ent.platform.runtime.antivirus;

import fr.ent.platform.settings.SettingReader;
import java.time.Duration;
import java.util.Optional;

/**
 * Where clamd is (docs/configuration.md).
 *
 * @param host     {@code ent.antivirus.clamd.host}: unset, no scanner, and every upload is refused (503)
 *                 unless {@code required} is false
 * @param port     {@code ent.antivirus.clamd.port} (3310, clamd's usual TCP port)
 * @param timeout  {@code ent.antivirus.timeout-seconds} (60): a scan's whole exchange
 * @param required {@code ent.antivirus.required} (true): false lets files in unscanned when no clamd is
 *                 configured (a development machine without ClamAV), said loudly at start
 */
public record AntivirusSettings(Optional<String> host, int port, Duration timeout, boolean required) {

    public static AntivirusSettings from(SettingReader settings) {
        return new AntivirusSettings(settings.text("ent.antivirus.clamd.host"),
                settings.integer("ent.antivirus.clamd.port", 3310, 1, 65535),
                Duration.ofSeconds(settings.integer("ent.antivirus.timeout-seconds", 60, 1, 3600)),
                settings.flag("ent.antivirus.required", true));
    }

    /** The scanner these settings describe. */
    public VirusScanner scanner() {
        if (host.isPresent()) {
            return new ClamdScanner(host.get(), port, timeout);
        }
        return required ? VirusScanner.none("ent.antivirus.clamd.host non configuré")
                : VirusScanner.notScanning("ent.antivirus.required=false et pas de clamd");
    }
}
