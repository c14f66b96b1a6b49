package fr.ent.platform.transfer;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code manifest.json} of a collectivity's archive (docs/reversibility-format.md): the format's version, the
 * collectivity it came from, when it was made, what each app stated about its part, and every other entry of the
 * archive with its SHA-256 and size (and, for a JSON Lines file, its number of rows). An entry not listed here, or
 * whose bytes do not give its checksum, makes the whole archive refused.
 *
 * @param apps each app's statement (app id → {@code DONE}, {@code NOT_YET: why}...), in app id order
 */
public record Manifest(String format, String collectivity, String collectivityName, Instant createdAt,
        Map<String, String> apps, List<Entry> entries) {

    /** One file of the archive. {@code rows} is null for a file that is not JSON Lines. */
    public record Entry(String path, String sha256, long bytes, Long rows) {
    }

    public Manifest {
        apps = new LinkedHashMap<>(apps);
        entries = List.copyOf(entries);
    }

    /** The entries of one app's JSON Lines files, in the order they were written (parents before children). */
    public List<Entry> rowsOf(String app) {
        String prefix = "apps/" + app + "/";
        return entries.stream().filter(e -> e.path().startsWith(prefix) && e.path().endsWith(".jsonl")).toList();
    }

    public JsonObject toJson() {
        JsonObjectBuilder appsJson = Json.createObjectBuilder();
        apps.forEach(appsJson::add);
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (Entry e : entries) {
            JsonObjectBuilder b = Json.createObjectBuilder().add("path", e.path()).add("sha256", e.sha256())
                    .add("bytes", e.bytes());
            if (e.rows() != null) {
                b.add("rows", e.rows());
            }
            list.add(b);
        }
        return Json.createObjectBuilder().add("format", format)
                .add("collectivity", Json.createObjectBuilder().add("slug", collectivity)
                        .add("name", collectivityName == null ? collectivity : collectivityName))
                .add("createdAt", createdAt.toString()).add("apps", appsJson).add("entries", list).build();
    }

    /** Reads a manifest; {@link CorruptArchive} when it is not one of this format. */
    public static Manifest fromJson(JsonObject json) {
        try {
            String format = json.getString("format");
            if (!TransferFormat.FORMAT.equals(format)) {
                throw new CorruptArchive("export-archive-format", format);
            }
            JsonObject c = json.getJsonObject("collectivity");
            Map<String, String> apps = new LinkedHashMap<>();
            json.getJsonObject("apps").forEach((k, v) -> apps.put(k, v.getValueType() == JsonValue.ValueType.STRING
                    ? json.getJsonObject("apps").getString(k) : v.toString()));
            List<Entry> entries = new ArrayList<>();
            for (JsonValue v : json.getJsonArray("entries")) {
                JsonObject e = v.asJsonObject();
                entries.add(new Entry(e.getString("path"), e.getString("sha256"), e.getJsonNumber("bytes").longValueExact(),
                        e.containsKey("rows") ? e.getJsonNumber("rows").longValueExact() : null));
            }
            return new Manifest(format, c.getString("slug"), c.getString("name", c.getString("slug")),
                    Instant.parse(json.getString("createdAt")), apps, entries);
        } catch (CorruptArchive e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CorruptArchive("export-archive-manifest", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
