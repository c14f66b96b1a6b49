package fr.ent.platform.it.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.it.Platform;
import fr.ent.platform.tenancy.TenantState;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The platform process dies (SIGKILL) while collectivities are being provisioned. After the restart, none is left
 * half-made: each is ACTIVE, or FAILED at a named step and a retry resumes it to ACTIVE.
 */
@Order(Platform.RESTARTS_THE_SERVER)
@Isolated
class CrashRecoveryIT {

    private final Platform platform = Platform.get();

    @Test
    void provisioningInterruptedByACrashIsFailedAtItsStepAndResumesOnRetry() throws Exception {
        // Deterministic case: the registry as a crash during MIGRATIONS leaves it (no provisioner holds the lock).
        String frozen = TenantLifecycleIT.slug("frozen");
        platform.provisionActive(frozen, frozen + ".localhost");
        execute("UPDATE platform.collectivity SET state = 'PROVISIONING' WHERE slug = '" + frozen + "'");
        execute("""
                UPDATE platform.provisioning_step SET status = CASE step WHEN 'MIGRATIONS' THEN 'RUNNING'
                       WHEN 'REALM' THEN 'PENDING' WHEN 'SEED' THEN 'PENDING' ELSE status END
                 WHERE collectivity_id = (SELECT id FROM platform.collectivity WHERE slug = '%s')""".formatted(frozen));

        // Racy case: a burst of creations, and the process is killed right after the last one is accepted.
        List<String> burst = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String slug = TenantLifecycleIT.slug("burst");
            HttpResponse<String> accepted = platform.admin("POST", "/collectivities", "{\"slug\":\"" + slug
                    + "\",\"kind\":\"commune\",\"displayName\":\"Commune " + slug + "\",\"domains\":[\"" + slug
                    + ".localhost\"]}");
            assertThat(accepted.statusCode()).isEqualTo(202);
            burst.add(slug);
        }
        platform.crashAndRestart();

        JsonObject failed = Platform.json(platform.admin("GET", "/collectivities/" + frozen, null));
        assertThat(failed.getString("state")).isEqualTo("FAILED");
        assertThat(failed.getString("failedStep")).isEqualTo("MIGRATIONS");
        assertThat(failed.getString("failureReason")).contains("interrupted");
        assertThat(platform.admin("POST", "/collectivities/" + frozen + "/provisioning/retry", null).statusCode())
                .isEqualTo(202);
        // Every retry is asked for before any is awaited: the server provisions them side by side (its executor)
        // instead of the test waiting for each in turn; hence the longer bound of each wait (they share the machine).
        for (String slug : burst) {
            JsonObject c = Platform.json(platform.admin("GET", "/collectivities/" + slug, null));
            String state = c.getString("state");
            assertThat(state).as("%s after the crash", slug).isIn("ACTIVE", "FAILED");
            if (state.equals("FAILED")) {
                assertThat(c.getString("failedStep")).isIn("SCHEMA", "MIGRATIONS", "REALM", "SEED");
                assertThat(platform.admin("POST", "/collectivities/" + slug + "/provisioning/retry", null).statusCode())
                        .isEqualTo(202);
            }
        }

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

    private void execute(String sql) throws Exception {
        try (Connection c = platform.database().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
