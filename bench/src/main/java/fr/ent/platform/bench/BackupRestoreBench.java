package fr.ent.platform.bench;

import static fr.ent.platform.bench.Bench.fmt;
import static fr.ent.platform.bench.Bench.say;

import fr.ent.platform.local.DemoData;
import fr.ent.platform.local.PlatformClient;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Backup and restore of one collectivity (ADR 0040, docs/backup.md), on the bench platform (embedded PostgreSQL,
 * Keycloak, Liberty, the directory backup store): (1) the demo collectivity of {@code ./run-platform.sh}
 * ({@code demo-lyon}: one school, 10 people) backed up then restored; (2) a collectivity holding
 * {@code bench.backup.rows} rows (flash messages written straight into its schema) backed up and restored, for the
 * per-row rate behind docs/backup.md's extrapolation. Wall time, the job's own duration ({@code seconds}: requested to
 * finished), rows, files and the encrypted size. These were ReversibilityIT's opt-in methods: a test skipped in CI is
 * no test, and measures belong here.
 */
public final class BackupRestoreBench {

    private static final Duration TIMEOUT = Duration.ofMinutes(20);

    private BackupRestoreBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Bench.intProperty("bench.backup.rows", 100_000);
        say("BackupRestoreBench: the demo collectivity, then " + rows + " rows; machine: " + Bench.machineLine());
        Table table = new Table("collectivity", "backup wall s", "backup job s", "encrypted bytes", "rows", "files",
                "restore wall s", "restore job s", "rows restored", "load(1m)");
        var json = Bench.object().add("benchmark", "BackupRestoreBench").add("machine", Bench.machine())
                .add("parameters", Bench.object().add("rows", rows));
        // no scheduled backup in the middle of the measures
        try (BenchPlatform platform = BenchPlatform.start("backup-restore",
                Map.of("ENT_BACKUP_SCHEDULE_ENABLED", "false"))) {
            DemoData.Demo lyon = DemoData.DEMOS.get(0);
            DemoData.ensure(platform.client(), platform.keycloak(), lyon, Bench::say);
            json.add("demo", measure(platform.client(), lyon.slug(), table));

            String slug = platform.provision("bk-scale", "bk-scale.localhost", 200).slug();
            try (Connection db = platform.dataSource().getConnection(); Statement s = db.createStatement()) {
                s.execute("INSERT INTO t_bk_scale.flash_message (id, title, text, level, profiles, structures,"
                        + " starts_at, ends_at, author) SELECT gen_random_uuid(), 'Note ' || g,"
                        + " repeat('Texte de la note ', 10), 'info', 'Student', '', now() - interval '2 days',"
                        + " now() - interval '1 day', 'bench' FROM generate_series(1, " + rows + ") g");
            }
            json.add("scale", measure(platform.client(), slug, table));
            try (Connection db = platform.dataSource().getConnection(); Statement s = db.createStatement();
                    ResultSet r = s.executeQuery("SELECT count(*) FROM t_bk_scale.flash_message")) {
                r.next();
                if (r.getLong(1) != rows) {
                    throw new IllegalStateException("restored " + r.getLong(1) + " flash messages, not " + rows);
                }
            }
            platform.printLogProblems();
        }
        say(table.text());
        Bench.writeResults("backup-restore", json.build(),
                "## BackupRestoreBench (" + Bench.machineLine() + ")\n\n" + table.markdown());
    }

    /** One backup of the collectivity, awaited GOOD, then its restore, awaited DONE. */
    private static JsonObject measure(PlatformClient client, String slug, Table table) throws Exception {
        String backups = "/collectivities/" + slug + "/backups";
        long t0 = System.nanoTime();
        JsonObject good = await(client, backups + "/" + accepted(client.admin("POST", backups, null)), "GOOD");
        double backupWall = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        JsonObject done = await(client, backups + "/" + accepted(client.admin("POST", backups + "/"
                + good.getString("id") + "/restore", null)), "DONE");
        double restoreWall = (System.nanoTime() - t1) / 1e9;
        double load = Bench.load();
        table.row(slug, fmt(backupWall, 1), fmt(good.getJsonNumber("seconds").doubleValue(), 1),
                good.getJsonNumber("size").longValue(), good.getJsonNumber("rows").longValue(),
                good.getJsonNumber("files").longValue(), fmt(restoreWall, 1),
                fmt(done.getJsonNumber("seconds").doubleValue(), 1), done.getJsonNumber("rows").longValue(),
                fmt(load, 1));
        say(slug + ": backup " + fmt(backupWall, 1) + " s, restore " + fmt(restoreWall, 1) + " s");
        return Bench.object().add("backupWallSeconds", backupWall).add("backup", good)
                .add("restoreWallSeconds", restoreWall).add("restore", done).add("load", load).build();
    }

    private static String accepted(HttpResponse<String> response) {
        if (response.statusCode() != 202) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
        return PlatformClient.json(response).getString("id");
    }

    private static JsonObject await(PlatformClient client, String path, String state) throws Exception {
        Instant until = Instant.now().plus(TIMEOUT);
        String last = "";
        while (Instant.now().isBefore(until)) {
            HttpResponse<String> r = client.admin("GET", path, null);
            last = r.statusCode() + " " + r.body();
            if (r.statusCode() == 200) {
                JsonObject job = PlatformClient.json(r);
                if (job.getString("state").equals(state)) {
                    return job;
                }
                if (job.getString("state").equals("FAILED")) {
                    throw new IllegalStateException(path + " failed: " + job);
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(path + " not " + state + " in " + TIMEOUT + ": " + last);
    }
}
