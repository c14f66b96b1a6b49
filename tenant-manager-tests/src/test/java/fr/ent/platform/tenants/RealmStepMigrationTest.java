package fr.ent.platform.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Registry migration V2: collectivities recorded before the REALM step get it, in the right place and status. */
class RealmStepMigrationTest {

    @Test
    void existingCollectivitiesGetTheRealmStepDoneIfServedPendingIfStillProvisioningAndNoneIfDeleted()
            throws SQLException {
        DataSource db = EmbeddedDatabase.emptyDatabase("v2_" + Long.toString(
                ThreadLocalRandom.current().nextLong(1L << 40), 36));
        Flyway.configure().dataSource(db).schemas("platform").locations("classpath:db/platform").target("1").load()
                .migrate();
        for (String state : List.of("ACTIVE", "SUSPENDED", "ARCHIVED", "FAILED", "PROVISIONING", "DELETED")) {
            execute(db, """
                    INSERT INTO platform.collectivity (id, slug, kind, display_name, state, schema_name, role_name)
                    VALUES (gen_random_uuid(), '%1$s', 'COMMUNE', '%1$s', '%2$s', 't_%1$s', 'ent_t_%1$s');
                    INSERT INTO platform.provisioning_step (collectivity_id, step, position, status)
                    SELECT id, s.step, s.position, CASE WHEN '%2$s' IN ('FAILED', 'PROVISIONING') AND s.step = 'SEED'
                                                        THEN 'PENDING' ELSE 'DONE' END
                      FROM platform.collectivity,
                           (VALUES ('SCHEMA', 0), ('MIGRATIONS', 1), ('SEED', 2)) AS s (step, position)
                     WHERE slug = '%1$s'""".formatted(state.toLowerCase(), state));
        }

        Flyway.configure().dataSource(db).schemas("platform").locations("classpath:db/platform").load().migrate();

        assertThat(steps(db, "active")).containsExactly("SCHEMA DONE", "MIGRATIONS DONE", "REALM DONE", "SEED DONE");
        assertThat(steps(db, "suspended")).contains("REALM DONE");
        assertThat(steps(db, "archived")).contains("REALM DONE");
        assertThat(steps(db, "failed")).containsExactly("SCHEMA DONE", "MIGRATIONS DONE", "REALM PENDING",
                "SEED PENDING");
        assertThat(steps(db, "provisioning")).contains("REALM PENDING");
        assertThat(steps(db, "deleted")).containsExactly("SCHEMA DONE", "MIGRATIONS DONE", "SEED DONE");
    }

    private static List<String> steps(DataSource db, String slug) throws SQLException {
        List<String> steps = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT p.step || ' ' || p.status FROM platform.provisioning_step p
                  JOIN platform.collectivity c ON c.id = p.collectivity_id
                 WHERE c.slug = '%s' ORDER BY p.position""".formatted(slug))) {
            while (rs.next()) {
                steps.add(rs.getString(1));
            }
        }
        return steps;
    }

    private static void execute(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
