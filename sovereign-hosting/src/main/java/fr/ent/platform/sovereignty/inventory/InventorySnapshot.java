package fr.ent.platform.sovereignty.inventory;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * An inventory and when it was collected, as the operator sends it to tenant-manager
 * ({@code PUT /admin/api/v1/compliance/inventory}) for the compliance reports. The JSON form is written and read
 * here only, so both sides agree on it; an unknown field is ignored, a missing list is empty, a missing setting is
 * "not configured".
 */
public record InventorySnapshot(Instant collectedAt, Inventory inventory) {

    public InventorySnapshot {
        Objects.requireNonNull(collectedAt, "collectedAt");
        Objects.requireNonNull(inventory, "inventory");
    }

    public String toJson() {
        Inventory inv = inventory;
        JsonObjectBuilder json = Json.createObjectBuilder().add("collectedAt", collectedAt.toString())
                .add("nodes", array(inv.nodes(), n -> object("name", n.name(), "region", n.region(),
                        "zone", n.zone(), "provider", n.provider())))
                .add("storageClasses", array(inv.storageClasses(), s -> object("name", s.name(), "provisioner", s.provisioner())
                        .add("defaultClass", s.defaultClass())
                        .add("parameters", strings(s.parameters()))))
                .add("volumes", array(inv.volumes(), v -> object("name", v.name(), "storageClassName",
                        v.storageClassName(), "region", v.region(), "claimNamespace", v.claimNamespace(), "claimName",
                        v.claimName(), "collectivity", v.collectivity(), "purpose", v.purpose().name())))
                .add("images", array(inv.images(), i -> object("namespace", i.namespace(), "pod", i.pod(),
                        "container", i.container(), "image", i.image())))
                .add("ingresses", array(inv.ingresses(), i -> object("namespace", i.namespace(), "name",
                        i.name()).add("hosts", Json.createArrayBuilder(i.hosts()))
                        .add("tlsHosts", Json.createArrayBuilder(i.tlsHosts()))))
                .add("egress", array(inv.egress(), e -> object("name", e.name(), "kind", e.kind().name(),
                        "scheme", e.scheme(), "host", e.host(), "region", e.region(), "provider", e.provider())
                        .add("port", e.port()).add("tls", e.tls())))
                .add("settings", settings(inv.settings()))
                .add("collectivities", array(inv.collectivities(), c -> object("namespace", c.namespace(),
                        "name", c.name(), "slug", c.slug(), "residency", c.residency().name())))
                .add("dataServices", array(inv.dataServices(), d -> dataService(d)));
        return json.build().toString();
    }

    /** Reads the JSON form; a malformed document throws {@link IllegalArgumentException} naming what is wrong. */
    public static InventorySnapshot fromJson(String text) {
        JsonObject json;
        try (var reader = Json.createReader(new StringReader(text))) {
            json = reader.readObject();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("inventaire : JSON illisible (" + e.getMessage() + ")", e);
        }
        try {
            Instant at = Instant.parse(json.getString("collectedAt"));
            Inventory inventory = new Inventory(
                    list(json, "nodes", n -> new Node(n.getString("name"), str(n, "region"), str(n, "zone"),
                            str(n, "provider"))),
                    list(json, "storageClasses", s -> new StorageClass(s.getString("name"), str(s, "provisioner"),
                            map(s.getJsonObject("parameters")), s.getBoolean("defaultClass", false))),
                    list(json, "volumes", v -> new PersistentVolume(v.getString("name"), str(v, "storageClassName"),
                            str(v, "region"), str(v, "claimNamespace"), str(v, "claimName"), str(v, "collectivity"),
                            PersistentVolume.Purpose.valueOf(v.getString("purpose", "DATA")))),
                    list(json, "images", i -> new ContainerImage(str(i, "namespace"), str(i, "pod"),
                            str(i, "container"), i.getString("image"))),
                    list(json, "ingresses", i -> new IngressTls(str(i, "namespace"), i.getString("name"),
                            strings(i.getJsonArray("hosts")), strings(i.getJsonArray("tlsHosts")))),
                    list(json, "egress", e -> new EgressEndpoint(e.getString("name"),
                            EgressEndpoint.Kind.valueOf(e.getString("kind", "OTHER")), str(e, "scheme"),
                            e.getString("host"), e.getInt("port", -1), e.getBoolean("tls", false), str(e, "region"),
                            str(e, "provider"))),
                    settings(json.getJsonObject("settings")),
                    list(json, "collectivities", c -> new CollectivityResidency(str(c, "namespace"), str(c, "name"),
                            c.getString("slug"), Residency.parse(str(c, "residency")))),
                    list(json, "dataServices", InventorySnapshot::dataService));
            return new InventorySnapshot(at, inventory);
        } catch (NullPointerException | ClassCastException | DateTimeParseException e) {
            throw new IllegalArgumentException("inventaire : champ absent ou mal typé (" + e.getMessage() + ")", e);
        }
    }

    private static <T> JsonArrayBuilder array(List<T> items, Function<T, JsonObjectBuilder> one) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        items.forEach(i -> array.add(one.apply(i)));
        return array;
    }

    /** An object of the string fields given as name, value pairs; a null value is left out. */
    private static JsonObjectBuilder object(String... pairs) {
        JsonObjectBuilder o = Json.createObjectBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                o.add(pairs[i], pairs[i + 1]);
            }
        }
        return o;
    }

    private static JsonObjectBuilder strings(Map<String, String> values) {
        JsonObjectBuilder o = Json.createObjectBuilder();
        values.forEach(o::add);
        return o;
    }

    private static JsonObjectBuilder dataService(DataService d) {
        JsonObjectBuilder o = object("kind", d.kind().name(), "namespace", d.namespace(), "name", d.name(),
                "storageClassName", d.storageClassName()).add("regions", Json.createArrayBuilder(d.regions()));
        if (d.backup() != null) {
            o.add("backup", object("destination", d.backup().destination(), "region", d.backup().region())
                    .add("encrypted", d.backup().encrypted()));
        }
        return o;
    }

    private static DataService dataService(JsonObject d) {
        JsonObject b = d.getJsonObject("backup");
        return new DataService(DataService.Kind.valueOf(d.getString("kind")), str(d, "namespace"), d.getString("name"),
                strings(d.getJsonArray("regions")), str(d, "storageClassName"),
                b == null ? null : new DataService.Backup(str(b, "destination"), str(b, "region"),
                        b.getBoolean("encrypted", false)));
    }

    private static JsonObjectBuilder settings(PlatformSettings s) {
        JsonObjectBuilder o = Json.createObjectBuilder();
        if (s.adminMfaRequired() != null) {
            o.add("adminMfaRequired", s.adminMfaRequired());
        }
        if (s.logRetentionDays() != null) {
            o.add("logRetentionDays", s.logRetentionDays());
        }
        if (s.accountDeletionDelayDays() != null) {
            o.add("accountDeletionDelayDays", s.accountDeletionDelayDays());
        }
        if (s.tenantExportAvailable() != null) {
            o.add("tenantExportAvailable", s.tenantExportAvailable());
        }
        return o;
    }

    private static PlatformSettings settings(JsonObject s) {
        if (s == null) {
            return PlatformSettings.unconfigured();
        }
        return new PlatformSettings(s.containsKey("adminMfaRequired") ? s.getBoolean("adminMfaRequired") : null,
                s.containsKey("logRetentionDays") ? s.getInt("logRetentionDays") : null,
                s.containsKey("accountDeletionDelayDays") ? s.getInt("accountDeletionDelayDays") : null,
                s.containsKey("tenantExportAvailable") ? s.getBoolean("tenantExportAvailable") : null);
    }

    private static <T> List<T> list(JsonObject json, String name, Function<JsonObject, T> one) {
        JsonArray array = json.getJsonArray(name);
        return array == null ? List.of() : array.getValuesAs(JsonObject.class).stream().map(one).toList();
    }

    private static String str(JsonObject o, String name) {
        return o.containsKey(name) && !o.isNull(name) ? o.getString(name) : null;
    }

    private static List<String> strings(JsonArray array) {
        return array == null ? List.of() : array.getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
    }

    private static Map<String, String> map(JsonObject o) {
        Map<String, String> values = new LinkedHashMap<>();
        if (o != null) {
            o.forEach((k, v) -> values.put(k, v instanceof jakarta.json.JsonString s ? s.getString() : v.toString()));
        }
        return values;
    }
}
