package fr.ent.platform.bench;

import static fr.ent.platform.bench.Bench.say;

import fr.ent.platform.apps.diary.Diary;
import fr.ent.platform.apps.diary.DiaryApp;
import fr.ent.platform.local.EmbeddedDatabase;
import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenancy.TenantSchemaMigrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The diary's week view (issue 15: the cahier de textes of a class over a school year): does a class with a whole
 * year of entries answer its week as fast as a class with one week of entries? One collectivity schema migrated by
 * the diary's own migrations on embedded PostgreSQL, seeded (in SQL) with {@code bench.diary.classes} classes each
 * holding a school year (36 weeks, Monday to Friday, 4 sessions and 2 homework a day, a fifth of homework with an
 * attachment, ~1,080 entries a class), and one class holding a single week. Then {@code bench.diary.requests} week
 * views of each class: the very SQL of {@link Diary} ({@link Diary#rangeSql}, then {@link Diary#attachmentsSql} on
 * the rows found), over JDBC in a read-only transaction as the collectivity's role, one thread, after a warm-up.
 * Service time of the queries only: without HTTP, JAX-RS, the directory's lookup of the reader's classes, rendering.
 */
public final class DiaryWeekBench {

    private DiaryWeekBench() {
    }

    public static void main(String[] args) throws Exception {
        int classes = Bench.intProperty("bench.diary.classes", 200);
        int requests = Bench.intProperty("bench.diary.requests", 2000);
        say("DiaryWeekBench: " + classes + " classes of a school year, " + requests + " week views per case; "
                + Bench.machineLine());
        Path pgdata = Files.createTempDirectory("diary-bench-pg");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(pgdata, Bench.freePort())) {
            run(database.dataSource(), classes, requests);
        } finally {
            Bench.deleteTree(pgdata);
        }
    }

    private static void run(DataSource db, int classes, int requests) throws SQLException {
        String schema = "t_diarybench";
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + schema);
            s.execute("CREATE SCHEMA " + schema + " AUTHORIZATION " + schema);
        }
        new TenantSchemaMigrator(db, List.of(DiaryApp.ID), DiaryWeekBench.class.getClassLoader())
                .migrate(new TenantNames(schema, schema));
        LocalDate start = LocalDate.of(2026, 9, 1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate end = start.plusWeeks(36).minusDays(1);
        LocalDate week = start.plusWeeks(18);
        UUID lonely = UUID.randomUUID();
        long t0 = System.nanoTime();
        List<UUID> yearClasses = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + schema);
            s.execute("CREATE TEMP TABLE bench_class AS SELECT gen_random_uuid() AS id FROM generate_series(1, "
                    + classes + ")");
            s.execute(seed("bench_class", start, end));
            s.execute("CREATE TEMP TABLE lonely_class AS SELECT '" + lonely + "'::uuid AS id");
            s.execute(seed("lonely_class", week, week.plusDays(6)));
            s.execute("INSERT INTO diary_attachment SELECT e.id, gen_random_uuid(), 'fiche.pdf', 'application/pdf', 0"
                    + " FROM diary_entry e WHERE e.kind = 'homework' AND random() < 0.2");
            try (ResultSet rs = s.executeQuery("SELECT id FROM bench_class LIMIT 1")) {
                rs.next();
                yearClasses.add(rs.getObject(1, UUID.class));
            }
            s.execute("ANALYZE diary_entry, diary_attachment");
        }
        long seeded = System.nanoTime();
        String counts = counts(db, schema);
        say("Seeded in " + (seeded - t0) / 1_000_000 + " ms: " + counts);

        UUID yearClass = yearClasses.get(0);
        // one connection for the whole run, as the server's pool keeps them (a new backend per view would be most
        // of the time measured)
        try (Connection connection = db.getConnection()) {
            connection.setAutoCommit(false);
            measure(connection, schema, counts, classes, requests, yearClass, lonely, week);
        }
    }

    private static void measure(Connection db, String schema, String counts, int classes, int requests,
            UUID yearClass, UUID lonely, LocalDate week) throws SQLException {
        for (int i = 0; i < Math.min(300, requests); i++) {
            weekView(db, schema, yearClass, week);
            weekView(db, schema, lonely, week);
        }
        long[] year = new long[requests];
        long[] one = new long[requests];
        int rowsYear = 0;
        int rowsOne = 0;
        double loadBefore = Bench.load();
        for (int i = 0; i < requests; i++) {
            // interleaved, so that both cases see the same machine
            long s1 = System.nanoTime();
            rowsYear = weekView(db, schema, yearClass, week);
            year[i] = System.nanoTime() - s1;
            long s2 = System.nanoTime();
            rowsOne = weekView(db, schema, lonely, week);
            one[i] = System.nanoTime() - s2;
        }
        double loadAfter = Bench.load();

        StringBuilder md = new StringBuilder();
        md.append("### Diary week view, a year of entries vs a week, ").append(Bench.now()).append("\n\n");
        md.append(Bench.machineLine()).append("; load(1m) ").append(Bench.fmt(loadBefore, 1)).append(" → ")
                .append(Bench.fmt(loadAfter, 1)).append(".\n\n");
        md.append("One collectivity: ").append(counts).append(". The week of ").append(week).append(" (").append(rowsYear)
                .append(" entries in both classes' week), ").append(requests)
                .append(" views each, interleaved, after a warm-up (ms, `Diary.rangeSql` + `Diary.attachmentsSql`):\n\n");
        md.append("| class | views | p50 | p90 | p99 | max |\n|---|---|---|---|---|---|\n");
        row(md, "a school year of entries", year);
        row(md, "one week of entries", one);
        say(md.toString());
        var json = Bench.object().add("benchmark", "DiaryWeekBench").add("machine", Bench.machine())
                .add("classes", classes).add("requests", requests).add("entriesInWeek", rowsOne)
                .add("yearP50Ms", ms(Bench.percentile(year, 50))).add("yearP99Ms", ms(Bench.percentile(year, 99)))
                .add("weekP50Ms", ms(Bench.percentile(one, 50))).add("weekP99Ms", ms(Bench.percentile(one, 99)));
        Bench.writeResults("diary-week", json.build(), md.toString());
    }

    /** A school year (or a week) of entries for every class of {@code table}: 4 sessions and 2 homework a weekday. */
    private static String seed(String table, LocalDate first, LocalDate last) {
        return "INSERT INTO diary_entry (id, class_id, kind, day, subject, content, visible_from, author_id,"
                + " author_name, created_at, updated_at) SELECT gen_random_uuid(), c.id,"
                + " CASE WHEN k < 4 THEN 'session' ELSE 'homework' END, d::date, 'Matière ' || k,"
                + " '<p>' || repeat('Lire, écrire, compter. ', 12) || '</p>', d::date - 2, gen_random_uuid(),"
                + " 'Sophie Martin', now(), now() FROM " + table + " c, generate_series(DATE '" + first + "', DATE '"
                + last + "', INTERVAL '1 day') d, generate_series(0, 5) k WHERE extract(isodow FROM d) <= 5";
    }

    /** One week view as the service reads it: the entries, then their attachments; the number of entries. */
    private static int weekView(Connection c, String schema, UUID classId, LocalDate monday) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET TRANSACTION READ ONLY");
            s.execute("SET LOCAL ROLE " + TenantNames.quote(schema));
            s.execute("SET LOCAL search_path TO " + TenantNames.quote(schema));
        }
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(jdbc(Diary.rangeSql(1)))) {
            q.setObject(1, java.sql.Date.valueOf(monday));
            q.setObject(2, java.sql.Date.valueOf(monday.plusDays(6)));
            q.setObject(3, classId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(UUID.fromString(rs.getString(1)));
                    rs.getString(6);
                }
            }
        }
        if (!ids.isEmpty()) {
            try (PreparedStatement q = c.prepareStatement(jdbc(Diary.attachmentsSql(ids.size())))) {
                for (int i = 0; i < ids.size(); i++) {
                    q.setObject(i + 1, ids.get(i));
                }
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(3);
                    }
                }
            }
        }
        c.commit();
        return ids.size();
    }

    /** The service's positional parameters ({@code ?1}, in order) as JDBC's. */
    private static String jdbc(String sql) {
        return sql.replaceAll("\\?\\d+", "?");
    }

    private static String counts(DataSource db, String schema) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT (SELECT count(*) FROM " + schema + ".diary_entry), (SELECT count(*) FROM " + schema
                        + ".diary_attachment), (SELECT count(DISTINCT class_id) FROM " + schema + ".diary_entry)")) {
            rs.next();
            return rs.getLong(3) + " classes, " + rs.getLong(1) + " entries, " + rs.getLong(2) + " attachments";
        }
    }

    private static void row(StringBuilder md, String label, long[] values) {
        md.append("| ").append(label).append(" | ").append(values.length).append(" | ")
                .append(Bench.fmt(ms(Bench.percentile(values, 50)), 2)).append(" | ")
                .append(Bench.fmt(ms(Bench.percentile(values, 90)), 2)).append(" | ")
                .append(Bench.fmt(ms(Bench.percentile(values, 99)), 2)).append(" | ")
                .append(Bench.fmt(ms(Bench.percentile(values, 100)), 2)).append(" |\n");
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
