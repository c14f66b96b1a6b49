package fr.ent.platform.it.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.identity.RealmRoles;
import fr.ent.platform.identity.Realms;
import fr.ent.platform.it.Platform;
import fr.ent.platform.it.directory.ClassFixture;
import fr.ent.platform.it.identity.Logins;
import fr.ent.platform.tenancy.TenantState;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The platform process dies (SIGKILL) in the middle of its work, once, and everything is checked after the restart
 * (a crash and a restart cost ~30 s: one for all). Provisioning: none is left half-made, each is ACTIVE, or FAILED at
 * a named step and a retry resumes it to ACTIVE. Jobs (issue 18, reliability; ADR 0041): a collectivity's export is
 * reported failed, cleanly ("interrompu", nothing stored); a person's erasure (ADR 0032) is resumed and finishes,
 * nothing of her left; a collectivity's import (ADR 0033) leaves no half collectivity: it is removed, schema, realm
 * and all. The jobs are caught between two steps by the platform's test-only pause
 * ({@code ENT_JOBS_TEST_PAUSE_MILLIS} for slugs starting with {@code crash-}: {@link Platform#BASE_ENVIRONMENT}),
 * not by a sleep racing the machine's speed.
 */
@Order(Platform.RESTARTS_THE_SERVER)
@Isolated
class CrashRecoveryIT {

    private static final String EXPORTS = "/api/privacy/collectivity-exports";
    private static final String ERASURES = "/api/console/erasures";
    private static final byte[] PDF = "%PDF-1.4\n% ma fiche\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

    private final Platform platform = Platform.get();

    @Test
    void provisioningAndJobsInterruptedByACrashAreFailedCleanlyOrResumed() throws Exception {
        // an archive to import, from a collectivity whose jobs do not pause
        ClassFixture source = ClassFixture.create("jobsrc");
        String sourceAdmin = platform.administrator(source.slug).authorization();
        String sourceExport = Platform.json(call(source.domain(), sourceAdmin, "POST", EXPORTS, "")).getString("id");
        await("the source's export", () -> job(source.domain(), sourceAdmin, EXPORTS + "/" + sourceExport),
                j -> j.getString("state").equals("READY"), Duration.ofSeconds(180));
        byte[] archive = platform.client().runtime(source.domain(), "GET", EXPORTS + "/" + sourceExport + "/archive",
                null, null, Map.of("Authorization", sourceAdmin), HttpResponse.BodyHandlers.ofByteArray()).body();

        // the collectivity whose export and erasure the crash interrupts (its jobs pause before each step)
        ClassFixture c = ClassFixture.create("crash-jobs");
        String admin = platform.administrator(c.slug).authorization();
        platform.keycloak().ensureUser(Realms.ofCollectivity(c.slug), "admin.crash", "Alain", "Crash",
                ClassFixture.PASSWORD, List.of(RealmRoles.SUPER_ADMIN), Map.of());
        Supplier<String> signIn = () -> "Bearer " + Logins.accessToken(platform, c.slug, c.domain(), "admin.crash",
                ClassFixture.PASSWORD);
        String eraser = signIn.get();
        String hugo = "Bearer " + Logins.accessToken(platform, c.slug, c.domain(), "hugo.moreau", ClassFixture.PASSWORD);
        HttpResponse<String> upload = platform.send(c.domain(), "POST", "/api/documents/files?name=fiche.pdf",
                "application/pdf", PDF, hugo);
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);

        // provisioning as a crash during MIGRATIONS leaves it (deterministic: no provisioner holds the lock)
        String frozen = TenantLifecycleIT.slug("frozen");
        platform.provisionActive(frozen, frozen + ".localhost");
        execute("UPDATE platform.collectivity SET state = 'PROVISIONING' WHERE slug = '" + frozen + "'");
        execute("""
                UPDATE platform.provisioning_step SET status = CASE step WHEN 'MIGRATIONS' THEN 'RUNNING'
                       WHEN 'REALM' THEN 'PENDING' WHEN 'SEED' THEN 'PENDING' ELSE status END
                 WHERE collectivity_id = (SELECT id FROM platform.collectivity WHERE slug = '%s')""".formatted(frozen));

        // the import first (its collectivity is provisioned before it is filled), the export and erasure once it fills
        String imported = TenantLifecycleIT.slug("crash-imp");
        platform.identity().keycloak().resolveToLoopback(List.of(imported + ".localhost"));
        HttpResponse<String> importing = platform.client().adminBytes("POST", "/collectivities/imports?slug="
                + imported + "&domain=" + imported + ".localhost&kind=commune&displayName="
                + URLEncoder.encode("Import interrompu", StandardCharsets.UTF_8), "application/zip", archive);
        assertThat(importing.statusCode()).as(importing.body()).isEqualTo(202);
        String importId = Platform.json(importing).getString("importId");
        await("the import at work", () -> {
            HttpResponse<String> r = platform.admin("GET", "/collectivities/" + imported + "/transfers/" + importId, null);
            return r.statusCode() == 200 ? Platform.json(r) : null;
        }, j -> j != null && j.getString("state").equals("RUNNING") && j.getInt("stepsDone") >= 1,
                Duration.ofSeconds(180));

        HttpResponse<String> exporting = call(c.domain(), admin, "POST", EXPORTS, "");
        assertThat(exporting.statusCode()).as(exporting.body()).isEqualTo(202);
        String exportId = Platform.json(exporting).getString("id");
        HttpResponse<String> erasing = call(c.domain(), eraser, "POST", ERASURES,
                "{\"person\":\"" + c.hugo + "\",\"confirm\":true}");
        assertThat(erasing.statusCode()).as(erasing.body()).isEqualTo(202);
        String erasureId = Platform.json(erasing).getString("id");
        // mid-way: some apps done, others not (the account is gone: step 1)
        JsonObject erasureBefore = await("the erasure mid-way", () -> job(c.domain(), eraser, ERASURES + "/" + erasureId),
                j -> j.getString("state").equals("RUNNING") && j.getInt("stepsDone") >= 3, Duration.ofSeconds(60));
        JsonObject exportBefore = await("the export mid-way", () -> job(c.domain(), admin, EXPORTS + "/" + exportId),
                j -> j.getString("state").equals("RUNNING") && j.getInt("stepsDone") >= 2, Duration.ofSeconds(60));

        // a burst of creations, and the process is killed right after the last one is accepted
        List<String> burst = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String slug = TenantLifecycleIT.slug("burst");
            HttpResponse<String> accepted = platform.admin("POST", "/collectivities", "{\"slug\":\"" + slug
                    + "\",\"kind\":\"commune\",\"displayName\":\"Commune " + slug + "\",\"domains\":[\"" + slug
                    + ".localhost\"]}");
            assertThat(accepted.statusCode()).isEqualTo(202);
            burst.add(slug);
        }
        JsonObject importBefore = Platform.json(platform.admin("GET", "/collectivities/" + imported + "/transfers/"
                + importId, null));
        platform.crashAndRestart();
        System.out.printf("CrashRecoveryIT: killed with the export at %s, the erasure at %s, the import at %s%n",
                exportBefore, erasureBefore, importBefore);
        assertThat(importBefore.getString("state")).as("the import was at work when killed").isEqualTo("RUNNING");
        assertThat(importBefore.getInt("stepsDone")).isLessThan(importBefore.getInt("stepsTotal"));

        // provisioning: FAILED at its step, and a retry resumes it
        JsonObject failed = Platform.json(platform.admin("GET", "/collectivities/" + frozen, null));
        assertThat(failed.getString("state")).isEqualTo("FAILED");
        assertThat(failed.getString("failedStep")).isEqualTo("MIGRATIONS");
        assertThat(failed.getString("failureReason")).contains("interrupted");
        assertThat(platform.admin("POST", "/collectivities/" + frozen + "/provisioning/retry", null).statusCode())
                .isEqualTo(202);
        // Every retry is asked for before any is awaited: the server provisions them side by side (its executor)
        // instead of the test waiting for each in turn; hence the longer bound of each wait (they share the machine).
        for (String slug : burst) {
            JsonObject b = Platform.json(platform.admin("GET", "/collectivities/" + slug, null));
            String state = b.getString("state");
            assertThat(state).as("%s after the crash", slug).isIn("ACTIVE", "FAILED");
            if (state.equals("FAILED")) {
                assertThat(b.getString("failedStep")).isIn("SCHEMA", "MIGRATIONS", "REALM", "SEED");
                assertThat(platform.admin("POST", "/collectivities/" + slug + "/provisioning/retry", null).statusCode())
                        .isEqualTo(202);
            }
        }

        // the export: reported failed, cleanly, and said in the trail; nothing stored under its name
        JsonObject export = await("the interrupted export reported", () -> job(c.domain(),
                platform.administrator(c.slug).authorization(), EXPORTS + "/" + exportId), j -> !j.getString("state").equals("RUNNING"), Duration.ofSeconds(120));
        assertThat(export.getString("state")).isEqualTo("FAILED");
        assertThat(export.getString("failure")).contains("interrompu");
        String schema = "t_" + c.slug.replace('-', '_');
        assertThat(count("SELECT count(*) FROM " + schema + ".collectivity_transfer WHERE id = '" + exportId
                + "' AND object_key IS NOT NULL")).as("no archive named (the crash came before storing)").isZero();
        assertThat(count("SELECT count(*) FROM " + schema + ".console_audit WHERE action = 'COLLECTIVITY_EXPORT_FAILED'"
                + " AND detail LIKE '%" + exportId + "%interrompu%'")).isEqualTo(1);

        // the erasure: taken up again and finished; nothing of Hugo is left
        String eraserAgain = signIn.get(); // the first token may have expired by now
        JsonObject erasure = await("the interrupted erasure resumed", () -> job(c.domain(), eraserAgain, ERASURES + "/"
                + erasureId), j -> j.getString("state").equals("DONE") || j.getString("state").equals("FAILED"),
                Duration.ofSeconds(180));
        assertThat(erasure.getString("state")).as(erasure.toString()).isEqualTo("DONE");
        assertThat(erasure.getInt("stepsDone")).isEqualTo(erasure.getInt("stepsTotal"));
        assertThat(count("SELECT count(*) FROM " + schema + ".ent_user WHERE id = '" + c.hugo + "'")).isZero();
        assertThat(count("SELECT count(*) FROM " + schema + ".node WHERE owner_id = '" + c.hugo + "'")).isZero();
        assertThat(count("SELECT count(*) FROM " + schema + ".person_erasure WHERE id = '" + erasureId
                + "' AND attempts >= 2")).as("taken up after the crash").isEqualTo(1);

        // the import: no half collectivity; removed, schema, realm and watch gone
        JsonObject gone = await("the half-imported collectivity removed", () -> Platform.json(platform.admin("GET",
                "/collectivities/" + imported, null)), j -> j.getString("state").equals("DELETED"),
                Duration.ofSeconds(180));
        assertThat(gone.getString("state")).isEqualTo("DELETED");
        assertThat(count("SELECT count(*) FROM information_schema.schemata WHERE schema_name = 't_"
                + imported.replace('-', '_') + "'")).isZero();
        assertThat(platform.keycloak().admin("GET", "/admin/realms/" + Realms.ofCollectivity(imported), null)
                .statusCode()).isEqualTo(404);
        assertThat(count("SELECT count(*) FROM platform.collectivity_import WHERE slug = '" + imported + "'")).isZero();

        platform.client().awaitState(frozen, TenantState.ACTIVE, Duration.ofMinutes(2));
        JsonObject steps = Platform.json(platform.admin("GET", "/collectivities/" + frozen + "/provisioning", null));
        assertThat(steps.getJsonArray("steps").getValuesAs(JsonObject.class))
                .extracting(s -> s.getString("step") + ":" + s.getInt("attempts"))
                .containsExactly("SCHEMA:1", "MIGRATIONS:2", "REALM:2", "SEED:2");
        for (String slug : burst) {
            platform.client().awaitState(slug, TenantState.ACTIVE, Duration.ofMinutes(2));
            assertThat(platform.get(slug + ".localhost", "/api/directory/structures").statusCode()).isEqualTo(200);
        }
    }

    private JsonObject job(String host, String authorization, String path) {
        HttpResponse<String> r = call(host, authorization, "GET", path, null);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return Platform.json(r);
    }

    private static JsonObject await(String what, Supplier<JsonObject> read, Predicate<JsonObject> until,
            Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        JsonObject last = null;
        while (Instant.now().isBefore(deadline)) {
            last = read.get();
            if (until.test(last)) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(what + ": not within " + patience + ", last seen " + last);
    }

    private HttpResponse<String> call(String host, String authorization, String method, String path, String json) {
        return platform.send(host, method, path, json == null ? null : "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8), authorization);
    }

    private long count(String query) throws Exception {
        try (Connection c = platform.database().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(query)) {
            r.next();
            return r.getLong(1);
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection c = platform.database().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
