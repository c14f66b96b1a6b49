package fr.ent.platform.bench;

import static fr.ent.platform.bench.Bench.say;

import fr.ent.platform.apps.wiki.Views;
import fr.ent.platform.apps.wiki.WikiApp;
import fr.ent.platform.apps.wiki.Wikis;
import fr.ent.platform.apps.wiki.web.Texts;
import fr.ent.platform.apps.wiki.web.WikiPages;
import fr.ent.platform.local.EmbeddedDatabase;
import fr.ent.platform.runtime.web.Pages;
import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenancy.TenantSchemaMigrator;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A wiki page's history (issue 16: "page-history listing for a page with 1,000 versions"): is the history of a page
 * saved 1,000 times listed as fast as that of a page saved 10 times? One collectivity schema migrated by the wiki's
 * own migrations on embedded PostgreSQL; one wiki, one page with {@code bench.history.versions} versions and one
 * with {@code bench.history.few}, each version a whole copy of a ~3 KB page (ADR 0031), seeded in SQL, with
 * {@code bench.history.pages} other pages of 20 versions around them (the table is not only theirs). Then
 * {@code bench.history.requests} listings of each, interleaved, after a warm-up: the very SQL of
 * {@link Wikis#history} ({@link Wikis#historySql}), listing all the versions at once (as before the history was paged)
 * or the first {@link Wikis#HISTORY_PAGE} (as the history page opens now), over JDBC in a read-only transaction as the collectivity's role,
 * its rows made {@link Views.Version}s as the service does, and the history page's template ({@code history.jte},
 * the wiki's precompiled one, as {@link WikiPages} renders it, the portal's shell aside). Service time without
 * HTTP, the session, the rights check and the shell; the page's size is reported too.
 */
public final class WikiHistoryBench {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String[] KEYS = {"all", "firstPage", "few"};
    /** The cases measured (all three by default; fewer to see one without the others' company). */
    private static final List<String> CASES = List.of(System.getProperty("bench.history.cases", "all,firstPage,few")
            .split(","));

    private WikiHistoryBench() {
    }

    public static void main(String[] args) throws Exception {
        int versions = Bench.intProperty("bench.history.versions", 1000);
        int few = Bench.intProperty("bench.history.few", 10);
        int pages = Bench.intProperty("bench.history.pages", 200);
        int requests = Bench.intProperty("bench.history.requests", 2000);
        say("WikiHistoryBench: a page of " + versions + " versions vs one of " + few + ", " + requests
                + " listings each; " + Bench.machineLine());
        Path pgdata = Files.createTempDirectory("wiki-history-bench-pg");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(pgdata, Bench.freePort())) {
            run(database.dataSource(), versions, few, pages, requests);
        } finally {
            Bench.deleteTree(pgdata);
        }
    }

    private static void run(DataSource db, int versions, int few, int pages, int requests) throws SQLException {
        String schema = "t_wikibench";
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + schema);
            s.execute("CREATE SCHEMA " + schema + " AUTHORIZATION " + schema);
        }
        new TenantSchemaMigrator(db, List.of(WikiApp.ID), WikiHistoryBench.class.getClassLoader())
                .migrate(new TenantNames(schema, schema));
        UUID wiki = UUID.randomUUID();
        UUID many = UUID.randomUUID();
        UUID some = UUID.randomUUID();
        long t0 = System.nanoTime();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + schema);
            s.execute("INSERT INTO wiki VALUES ('" + wiki + "', 'class', gen_random_uuid(), 'CM2 B', gen_random_uuid(),"
                    + " now())");
            s.execute("CREATE TEMP TABLE bench_page AS SELECT gen_random_uuid() AS id, n, 20 AS versions FROM"
                    + " generate_series(1, " + pages + ") n UNION ALL SELECT '" + many + "'::uuid, " + (pages + 1)
                    + ", " + versions + " UNION ALL SELECT '" + some + "'::uuid, " + (pages + 2) + ", " + few);
            s.execute("INSERT INTO wiki_page (id, wiki_id, parent_id, position, title, content, version, updated_at,"
                    + " updated_by) SELECT id, '" + wiki + "', NULL, n, 'Page ' || n, " + CONTENT + ", versions, now(),"
                    + " 'Sophie Martin' FROM bench_page");
            s.execute("INSERT INTO wiki_page_version (page_id, number, title, content, author_id, author_name,"
                    + " created_at, restored_from) SELECT p.id, v, 'Page ' || p.n, " + CONTENT + " || v,"
                    + " gen_random_uuid(), CASE WHEN v % 2 = 0 THEN 'Sophie Martin' ELSE 'Karim Benali' END,"
                    + " now() - (p.versions - v) * INTERVAL '7 minutes', CASE WHEN v % 50 = 0 THEN v - 3 END"
                    + " FROM bench_page p, generate_series(1, p.versions) v");
            s.execute("ANALYZE wiki_page, wiki_page_version");
        }
        String counts = counts(db, schema);
        say("Seeded in " + (System.nanoTime() - t0) / 1_000_000 + " ms: " + counts);
        TemplateEngine templates = Pages.engine(WikiPages.class, "fr.ent.platform.apps.wiki.jte");
        try (Connection connection = db.getConnection()) {
            connection.setAutoCommit(false);
            measure(connection, schema, templates, counts, versions, few, requests, many, some);
        }
    }

    private static void measure(Connection db, String schema, TemplateEngine templates, String counts, int versions,
            int few, int requests, UUID many, UUID some) throws SQLException {
        int all = Integer.MAX_VALUE - 1;
        int paged = Wikis.HISTORY_PAGE;
        for (int i = 0; i < Math.min(300, requests); i++) {
            listing(db, schema, templates, many, versions, all);
            listing(db, schema, templates, many, versions, paged);
            listing(db, schema, templates, some, few, paged);
        }
        String[] labels = {versions + " versions, all listed at once (the listing before paging)",
            versions + " versions, first page (" + paged + ", as the history now opens)", few + " versions"};
        long[][][] times = new long[3][3][requests];
        long[][] shapes = new long[3][];
        double loadBefore = Bench.load();
        for (int i = 0; i < requests; i++) {
            // interleaved, so that every case sees the same machine, each going first in turn (what follows the
            // listing of 1,000 would otherwise pay for its garbage and its backend's time slice)
            long[][] got = new long[3][];
            for (int k = 0; k < 3; k++) {
                int c = (i + k) % 3;
                if (!CASES.contains(KEYS[c])) {
                    got[c] = new long[5];
                    continue;
                }
                got[c] = c == 0 ? listing(db, schema, templates, many, versions, all)
                        : c == 1 ? listing(db, schema, templates, many, versions, paged)
                        : listing(db, schema, templates, some, few, paged);
            }
            for (int c = 0; c < 3; c++) {
                for (int m = 0; m < 3; m++) {
                    times[c][m][i] = got[c][m];
                }
                shapes[c] = new long[] {got[c][3], got[c][4]};
            }
        }
        double loadAfter = Bench.load();

        StringBuilder md = new StringBuilder();
        md.append("### Wiki page history, ").append(versions).append(" versions vs ").append(few).append(", ")
                .append(Bench.now()).append("\n\n");
        md.append(Bench.machineLine()).append("; load(1m) ").append(Bench.fmt(loadBefore, 1)).append(" → ")
                .append(Bench.fmt(loadAfter, 1)).append(".\n\n");
        md.append("One collectivity: ").append(counts).append(". ").append(requests)
                .append(" listings of each case, interleaved (each first in turn), after a warm-up (ms; SQL = `Wikis.historySql()` over JDBC"
                        + " with the row mapping; page = SQL + `history.jte`):\n\n");
        md.append("| case | versions listed | HTML (KB) | SQL p50 | SQL p99 | render p50 | page p50 | page p99 | page max |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        var json = Bench.object().add("benchmark", "WikiHistoryBench").add("machine", Bench.machine())
                .add("versions", versions).add("few", few).add("requests", requests).add("historyPage", paged);
        String[] keys = KEYS;
        for (int c = 0; c < 3; c++) {
            if (!CASES.contains(keys[c])) {
                continue;
            }
            row(md, labels[c], shapes[c], times[c]);
            json.add(keys[c] + "Listed", shapes[c][0]).add(keys[c] + "HtmlBytes", shapes[c][1])
                    .add(keys[c] + "SqlP50Ms", ms(Bench.percentile(times[c][0], 50)))
                    .add(keys[c] + "SqlP99Ms", ms(Bench.percentile(times[c][0], 99)))
                    .add(keys[c] + "PageP50Ms", ms(Bench.percentile(times[c][2], 50)))
                    .add(keys[c] + "PageP99Ms", ms(Bench.percentile(times[c][2], 99)));
        }
        md.append("\nPlans (`EXPLAIN (ANALYZE, BUFFERS)`, the generic plan the server's prepared statement ends up with):\n\n```\n");
        md.append(plan(db, schema, many, paged + 1)).append("\n").append(plan(db, schema, many, all)).append("```\n");
        say(md.toString());
        Bench.writeResults("wiki-history", json.build(), md.toString());
    }

    /** One listing: {SQL ns, render ns, total ns, versions listed, HTML bytes}. */
    private static long[] listing(Connection c, String schema, TemplateEngine templates, UUID page, int current,
            int limit) throws SQLException {
        long t0 = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute("SET TRANSACTION READ ONLY");
            s.execute("SET LOCAL ROLE " + TenantNames.quote(schema));
            s.execute("SET LOCAL search_path TO " + TenantNames.quote(schema));
        }
        List<Views.Version> versions = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(Wikis.historySql().replaceAll("\\?\\d+", "?"))) {
            q.setObject(1, page);
            q.setInt(2, Integer.MAX_VALUE); // the newest versions: the history as first opened
            q.setInt(3, limit + 1); // one more, to know whether older ones are left (as the service)
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next() && versions.size() < limit) {
                    versions.add(Wikis.version(new Object[] {rs.getInt(1), rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4), rs.getObject(5)}, current));
                }
            }
        }
        c.commit();
        long t1 = System.nanoTime();
        Map<String, Object> params = new HashMap<>();
        params.put("t", new Texts(Locale.FRENCH, PARIS));
        params.put("title", "Historique de « Page »");
        params.put("csrf", "jeton");
        params.put("notice", null);
        params.put("page", new Views.Page(page, UUID.randomUUID(), "CM2 B", null, "Page", "", "", current,
                Instant.now(), "Sophie Martin", List.of(), List.of(), List.of(), true));
        params.put("versions", versions);
        params.put("older", versions.size() == limit && versions.getLast().number() > 1 ? versions.getLast().number() : null);
        StringOutput out = new StringOutput();
        templates.render("history.jte", params, out);
        long t2 = System.nanoTime();
        return new long[] {t1 - t0, t2 - t1, t2 - t0, versions.size(),
                out.toString().getBytes(StandardCharsets.UTF_8).length};
    }

    /** The plan of the history's SQL for {@code page}, generic (as a statement prepared more than 5 times). */
    private static String plan(Connection c, String schema, UUID page, int limit) throws SQLException {
        StringBuilder out = new StringBuilder("-- limit " + limit + "\n");
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL search_path TO " + TenantNames.quote(schema));
            s.execute("SET LOCAL plan_cache_mode = force_generic_plan");
            s.execute("PREPARE history_plan(uuid, int, int) AS " + Wikis.historySql().replaceAll("\\?(\\d+)", "\\$$1"));
            try (ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE history_plan('" + page
                    + "', " + Integer.MAX_VALUE + ", " + limit + ")")) {
                while (rs.next()) {
                    out.append(rs.getString(1)).append('\n');
                }
            }
            s.execute("DEALLOCATE history_plan");
        }
        c.commit();
        return out.toString();
    }

    /** ~3 KB of sanitized HTML, the size of a class's page. */
    private static final String CONTENT = "'<h2>Les saisons</h2>' || repeat('<p>Au printemps les jours rallongent,"
            + " en été il fait chaud, en automne les feuilles tombent, en hiver il neige parfois.</p>', 25)";

    private static String counts(DataSource db, String schema) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT (SELECT count(*) FROM " + schema + ".wiki_page), (SELECT count(*) FROM " + schema
                        + ".wiki_page_version), pg_size_pretty(pg_total_relation_size('" + schema
                        + ".wiki_page_version'))")) {
            rs.next();
            return rs.getLong(1) + " pages, " + rs.getLong(2) + " versions (" + rs.getString(3) + ")";
        }
    }

    private static void row(StringBuilder md, String label, long[] shape, long[][] values) {
        md.append("| ").append(label).append(" | ").append(shape[0]).append(" | ")
                .append(Bench.fmt(shape[1] / 1024.0, 1)).append(" | ")
                .append(Bench.fmt(ms(Bench.percentile(values[0], 50)), 2)).append(" | ")
                .append(Bench.fmt(ms(Bench.percentile(values[0], 99)), 2)).append(" | ")
                .append(Bench.fmt(ms(Bench.percentile(values[1], 50)), 2)).append(" | ")
                .append(Bench.fmt(ms(Bench.percentile(values[2], 50)), 2)).append(" | ")
                .append(Bench.fmt(ms(Bench.percentile(values[2], 99)), 2)).append(" | ")
                .append(Bench.fmt(ms(Bench.percentile(values[2], 100)), 2)).append(" |\n");
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
