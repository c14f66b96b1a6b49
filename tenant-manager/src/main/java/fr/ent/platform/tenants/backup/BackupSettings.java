package fr.ent.platform.tenants.backup;

import fr.ent.platform.backup.BackupKeyring;
import fr.ent.platform.settings.SettingReader;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Backup settings (MicroProfile Config through {@link SettingReader}; environment {@code ENT_BACKUP_*},
 * docs/backup.md):
 *
 * <ul>
 * <li>{@code ent.backup.keys}: the master keys, {@code <version>:<base64 of 32 bytes>} separated by commas, the
 * highest in use (ADR 0040). Without it, backups and restores are refused (nothing is ever stored in clear).</li>
 * <li>{@code ent.backup.dir}: the directory store (default {@code ent-backups} in the temporary directory, for a
 * developer's machine only).</li>
 * <li>{@code ent.backup.s3.endpoint}, {@code .region}, {@code .bucket}, {@code .prefix}, {@code .access-key},
 * {@code .secret-key}: the S3-compatible store, used instead of the directory when the endpoint is set.</li>
 * <li>{@code ent.backup.s3.provider}, {@code ent.backup.s3.residency} ({@code FR} by default, or {@code EU}): who
 * hosts the bucket and which residency's collectivities it serves, for the sovereign rules that judge the bucket at
 * start ({@link BackupStoreCheck}, ADR 0046).</li>
 * <li>{@code ent.backup.work-dir}: where backups are assembled and decrypted (default: the temporary directory);
 * it needs about three times the collectivity's export.</li>
 * </ul>
 */
public record BackupSettings(Optional<String> keys, Path directory, Optional<URI> s3Endpoint, String s3Region,
        Optional<String> s3Bucket, String s3Prefix, Optional<String> s3AccessKey, Optional<String> s3SecretKey,
        Path workDirectory, Optional<String> s3Provider, String s3Residency) {

    public static BackupSettings from(SettingReader settings) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        return new BackupSettings(settings.raw("ent.backup.keys").filter(k -> !k.isBlank()),
                Path.of(settings.text("ent.backup.dir", tmp.resolve("ent-backups").toString())),
                settings.url("ent.backup.s3.endpoint"), settings.text("ent.backup.s3.region", "fr-par"),
                settings.text("ent.backup.s3.bucket"), settings.text("ent.backup.s3.prefix", ""),
                settings.text("ent.backup.s3.access-key"), settings.raw("ent.backup.s3.secret-key"),
                Path.of(settings.text("ent.backup.work-dir", tmp.toString())), settings.text("ent.backup.s3.provider"),
                settings.text("ent.backup.s3.residency", "FR").toUpperCase(java.util.Locale.ROOT));
    }

    /** The keyring, or empty when no key is configured (backups refused). Throws on a malformed setting. */
    public Optional<BackupKeyring> keyring() {
        return keys.map(BackupKeyring::parse);
    }

    public BackupStore store() {
        if (s3Endpoint.isPresent()) {
            return new S3BackupStore(s3Endpoint.get(), s3Region, s3Bucket.orElseThrow(() -> new IllegalStateException(
                    "ent.backup.s3.bucket is required with ent.backup.s3.endpoint")), s3Prefix,
                    s3AccessKey.orElseThrow(() -> new IllegalStateException("ent.backup.s3.access-key is required")),
                    s3SecretKey.orElseThrow(() -> new IllegalStateException("ent.backup.s3.secret-key is required")),
                    Duration.ofSeconds(60));
        }
        return new DirectoryBackupStore(directory);
    }

    @Override
    public String toString() {
        return "BackupSettings[keys " + (keys.isPresent() ? "set" : "absent") + ", store "
                + s3Endpoint.map(u -> "s3 " + u).orElse("directory " + directory) + "]";
    }
}
