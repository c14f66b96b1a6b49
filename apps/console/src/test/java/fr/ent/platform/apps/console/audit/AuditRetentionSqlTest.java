package fr.ent.platform.apps.console.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.testing.database.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit trail's retention on a real PostgreSQL, with the console's own migrations: the purge removes what is
 * past the platform's log retention and nothing younger than 180 days, even when asked to; nothing else may change
 * or remove an entry.
 */
class AuditRetentionSqlTest {

    private String schema;

    @BeforeEach
    void aSchemaWithEntriesOf400_200_100And10DaysAgo() throws Exception {
        schema = "t_audit_" + ThreadLocalRandom.current().nextInt(1_000_000);
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
            s.execute("SET search_path TO " + schema);
            for (String migration : migrations()) {
                s.execute(migration);
            }
            for (int days : List.of(400, 200, 100, 10)) {
                s.execute("INSERT INTO console_audit (at, actor, action, target_kind, outcome) VALUES (now() - "
                        + "make_interval(days => " + days + "), 'admin', 'APPS_SET', 'app', 'DONE')");
            }
        }
    }

    @Test
    void thePurgeRemovesWhatIsPastTheRetentionOnly() throws Exception {
        assertThat(purge(365)).isEqualTo(1);
        assertThat(ages()).containsExactly(200, 100, 10);
        assertThat(purge(180)).isEqualTo(1);
        assertThat(ages()).containsExactly(100, 10);
    }

    @Test
    void evenThePurgeCannotRemoveAnEntryYoungerThan180Days() throws Exception {
        assertThatThrownBy(() -> purge(30)).isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThat(ages()).containsExactly(400, 200, 100, 10); // the statement failed whole
    }

    @Test
    void nothingButThePurgeRemovesOrChangesAnEntry() throws Exception {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + schema);
            assertThatThrownBy(() -> s.execute("DELETE FROM console_audit WHERE at < now() - interval '365 days'"))
                    .hasMessageContaining("append-only: DELETE refused");
            c.setAutoCommit(false);
            s.execute(ConsoleAudit.PURGE_ON);
            assertThatThrownBy(() -> s.execute("UPDATE console_audit SET actor = 'x'"))
                    .hasMessageContaining("append-only: UPDATE refused");
            c.rollback();
            s.execute(ConsoleAudit.PURGE_ON);
            assertThatThrownBy(() -> s.execute("TRUNCATE console_audit"))
                    .hasMessageContaining("append-only: TRUNCATE refused");
            c.rollback();
        }
        assertThat(ages()).containsExactly(400, 200, 100, 10);
    }

    /** {@link ConsoleAudit#purgeOlderThan}'s statements, in one transaction. */
    private int purge(int days) throws SQLException {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL search_path TO " + schema);
                s.execute(ConsoleAudit.PURGE_ON);
            }
            try (PreparedStatement p = c.prepareStatement(ConsoleAudit.PURGE.replace("?1", "?"))) {
                p.setInt(1, days);
                int removed = p.executeUpdate();
                c.commit();
                return removed;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private List<Integer> ages() throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement();
             var rows = s.executeQuery("SELECT extract(day FROM now() - at)::int FROM " + schema
                     + ".console_audit ORDER BY at")) {
            List<Integer> ages = new java.util.ArrayList<>();
            while (rows.next()) {
                ages.add(rows.getInt(1));
            }
            return ages;
        }
    }

    private static List<String> migrations() throws Exception {
        List<String> sql = new java.util.ArrayList<>();
        for (String name : List.of("V1__console_audit.sql", "V3__audit_retention.sql")) {
            try (var in = AuditRetentionSqlTest.class.getResourceAsStream("/db/apps/console/" + name)) {
                sql.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return sql;
    }

    private static Connection connection() throws SQLException {
        return TestDatabase.shared().dataSource().getConnection();
    }
}
