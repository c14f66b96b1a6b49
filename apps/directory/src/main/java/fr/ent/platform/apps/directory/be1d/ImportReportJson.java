package fr.ent.platform.apps.directory.be1d;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** An {@link ImportReport} as the import history stores it (JSON text), and back. Pure. */
public final class ImportReportJson {

    private ImportReportJson() {
    }

    public static String write(ImportReport r) {
        JsonArrayBuilder rejected = Json.createArrayBuilder();
        r.rejected().forEach(x -> rejected.add(Json.createObjectBuilder().add("file", x.file()).add("line", x.line())
                .add("reason", x.reason())));
        JsonArrayBuilder changes = Json.createArrayBuilder();
        r.changes().forEach(c -> changes.add(Json.createObjectBuilder().add("file", c.file()).add("line", c.line())
                .add("kind", c.kind().name()).add("subject", c.subject()).add("reason", c.reason())));
        return Json.createObjectBuilder().add("dryRun", r.dryRun()).add("imported", counts(r.imported()))
                .add("updated", counts(r.updated())).add("unchanged", counts(r.unchanged()))
                .add("membershipsRemoved", r.membershipsRemoved()).add("rejected", rejected).add("changes", changes)
                .build().toString();
    }

    public static ImportReport read(String json) {
        JsonObject o;
        try (var reader = Json.createReader(new StringReader(json))) {
            o = reader.readObject();
        }
        List<Rejection> rejected = new ArrayList<>();
        for (JsonValue v : o.getJsonArray("rejected")) {
            JsonObject x = v.asJsonObject();
            rejected.add(new Rejection(x.getString("file"), x.getInt("line"), x.getString("reason")));
        }
        List<PlannedChange> changes = new ArrayList<>();
        for (JsonValue v : o.getJsonArray("changes")) {
            JsonObject c = v.asJsonObject();
            changes.add(new PlannedChange(c.getString("file"), c.getInt("line"),
                    PlannedChange.Kind.valueOf(c.getString("kind")), c.getString("subject"), c.getString("reason")));
        }
        return new ImportReport(o.getBoolean("dryRun"), counts(o.getJsonObject("imported")),
                counts(o.getJsonObject("updated")), counts(o.getJsonObject("unchanged")),
                o.getInt("membershipsRemoved"), rejected, changes);
    }

    private static JsonObject counts(ImportCounts c) {
        return Json.createObjectBuilder().add("classes", c.classes()).add("students", c.students())
                .add("teachers", c.teachers()).add("relatives", c.relatives()).add("links", c.links())
                .add("memberships", c.memberships()).build();
    }

    private static ImportCounts counts(JsonObject o) {
        return new ImportCounts(o.getInt("classes"), o.getInt("students"), o.getInt("teachers"),
                o.getInt("relatives"), o.getInt("links"), o.getInt("memberships"));
    }
}
