package fr.ent.platform.runtime.storage;

import fr.ent.platform.settings.InvalidSettingException;
import fr.ent.platform.settings.SettingReader;
import fr.ent.platform.sovereignty.inventory.Residency;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The file store's settings (docs/configuration.md, environment variables {@code ENT_STORAGE_*}).
 *
 * @param kind           {@code ent.storage.kind}: {@code disk} (default) or {@code s3}
 * @param diskDirectory  {@code ent.storage.disk.directory} ({@code files} under the server's directory)
 * @param spoolDirectory {@code ent.storage.spool.directory} (the JVM's temporary directory + {@code ent-uploads}):
 *                       where uploads wait for their scan; local disk, at least the size limit times the parallel
 *                       uploads
 * @param maxBytes       {@code ent.storage.max-file-megabytes} (100): the platform's limit for one file
 * @param s3             the S3 settings, present with {@code kind=s3}
 */
public record StorageSettings(String kind, Path diskDirectory, Path spoolDirectory, long maxBytes,
                              Optional<S3> s3) {

    /**
     * {@code ent.storage.s3.*}: {@code endpoint} (https URL), {@code region}, {@code bucket}, {@code access-key},
     * {@code secret-key}, {@code provider} (for the qualified-provider rule, e.g. {@code ovhcloud}),
     * {@code path-style} (true), {@code timeout-seconds} (30), {@code residency} ({@code FR} default: the region
     * must be in {@code ent.sovereignty.regions.fr}; {@code EU} allows {@code regions.eu} too).
     */
    public record S3(URI endpoint, String region, String bucket, String accessKey, String secretKey,
                     Optional<String> provider, boolean pathStyle, Duration timeout, Residency residency) {

        public S3FileStore.Endpoint endpointSettings() {
            return new S3FileStore.Endpoint(endpoint, region, bucket, accessKey, secretKey, pathStyle, timeout);
        }

        @Override
        public String toString() {
            // never the keys
            return "S3[" + endpoint + ", region " + region + ", bucket " + bucket + ", provider "
                    + provider.orElse("(unset)") + ", residency " + residency + "]";
        }
    }

    public static StorageSettings from(SettingReader settings) {
        String kind = settings.text("ent.storage.kind", "disk").toLowerCase(Locale.ROOT);
        if (!kind.equals("disk") && !kind.equals("s3")) {
            throw new InvalidSettingException("ent.storage.kind", kind, "disk or s3");
        }
        Path disk = Path.of(settings.text("ent.storage.disk.directory", "files"));
        Path spool = settings.text("ent.storage.spool.directory").map(Path::of)
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "ent-uploads"));
        long maxBytes = settings.integer("ent.storage.max-file-megabytes", 100, 1, 10_240) * 1024L * 1024L;
        Optional<S3> s3 = kind.equals("s3") ? Optional.of(s3(settings)) : Optional.empty();
        return new StorageSettings(kind, disk, spool, maxBytes, s3);
    }

    private static S3 s3(SettingReader settings) {
        URI endpoint = settings.url("ent.storage.s3.endpoint")
                .orElseThrow(() -> new InvalidSettingException("ent.storage.s3.endpoint"));
        String residency = settings.text("ent.storage.s3.residency", "FR").toUpperCase(Locale.ROOT);
        if (!residency.equals("FR") && !residency.equals("EU")) {
            throw new InvalidSettingException("ent.storage.s3.residency", residency, "FR or EU");
        }
        return new S3(endpoint, required(settings, "ent.storage.s3.region"),
                required(settings, "ent.storage.s3.bucket"), required(settings, "ent.storage.s3.access-key"),
                required(settings, "ent.storage.s3.secret-key"), settings.text("ent.storage.s3.provider"),
                settings.flag("ent.storage.s3.path-style", true),
                Duration.ofSeconds(settings.integer("ent.storage.s3.timeout-seconds", 30, 1, 3600)),
                Residency.valueOf(residency));
    }

    private static String required(SettingReader settings, String name) {
        return settings.text(name).orElseThrow(() -> new InvalidSettingException(name));
    }
}
