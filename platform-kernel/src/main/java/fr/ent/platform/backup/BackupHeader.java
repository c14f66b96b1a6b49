package fr.ent.platform.backup;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What a backup file says about itself in clear, before its encrypted content (ADR 0040): whose it is, which backup,
 * under which master key version, when. It is authenticated with every chunk (the GCM additional data), so that
 * changing it (to pass one collectivity's backup off as another's) makes the whole file unreadable.
 */
public record BackupHeader(UUID collectivity, String slug, UUID backup, int keyVersion, Instant createdAt) {

    public static final String FORMAT = "ent-collectivity-backup/1";

    public BackupHeader {
        Objects.requireNonNull(collectivity, "collectivity");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(backup, "backup");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public BackupHeader withKeyVersion(int version) {
        return new BackupHeader(collectivity, slug, backup, version, createdAt);
    }

    byte[] toBytes() {
        return Json.createObjectBuilder().add("format", FORMAT).add("collectivity", collectivity.toString())
                .add("slug", slug).add("backup", backup.toString()).add("keyVersion", keyVersion)
                .add("createdAt", createdAt.toString()).build().toString().getBytes(StandardCharsets.UTF_8);
    }

    static BackupHeader fromBytes(byte[] bytes) {
        try (JsonReader r = Json.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            JsonObject o = r.readObject();
            if (!FORMAT.equals(o.getString("format", null))) {
                throw new UnreadableBackup("backup-format", "format inconnu : " + o.getString("format", "?"));
            }
            return new BackupHeader(UUID.fromString(o.getString("collectivity")), o.getString("slug"),
                    UUID.fromString(o.getString("backup")), o.getInt("keyVersion"), Instant.parse(o.getString("createdAt")));
        } catch (UnreadableBackup e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UnreadableBackup("backup-format", "en-tête illisible (" + e.getClass().getSimpleName() + ")");
        }
    }
}
