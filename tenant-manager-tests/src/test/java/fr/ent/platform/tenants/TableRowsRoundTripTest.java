package fr.ent.platform.tenants;

import static fr.ent.platform.tenants.ProvisioningTest.request;
import static fr.ent.platform.tenants.ProvisioningTest.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.tenancy.TenantTransactions;
import fr.ent.platform.tenants.identity.IdentityRealms;
import fr.ent.platform.tenants.lifecycle.CollectivityService;
import fr.ent.platform.tenants.provisioning.Provisioner;
import fr.ent.platform.tenants.provisioning.StepGuard;
import fr.ent.platform.tenants.provisioning.TenantDatabase;
import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.registry.CollectivityRepository;
import fr.ent.platform.transfer.TableRows;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The collectivity transfer's table engine ({@link TableRows}, ADR 0033) on two real collectivity schemas (every
 * app's migrations applied), as the collectivities' own roles: a tree whose children were written before their
 * parents, a generated column, an identity column in an append-only trail, settings the new collectivity already has,
 * dates, nulls and text of every kind come back the same.
 */
class TableRowsRoundTripTest {

    private final DataSource db = EmbeddedDatabase.dataSource();
    private final CollectivityRepository registry = new CollectivityRepository(db);
    private final IdentityRealms realms = TestKeycloak.realms();
    private final TenantDatabase database = new TenantDatabase(db, Optional.empty());
    private final CollectivityService service = new CollectivityService(registry,
            new Provisioner(db, registry, database, realms, StepGuard.NONE, new SimpleMeterRegistry()), database,
            realms, Runnable::run);
    private final TenantTransactions tenants = new TenantTransactions(db);

    @Test
    void tablesGoOutAsJsonLinesAndComeBackTheSameInAnotherCollectivity() throws Exception {
        Collectivity from = service.create(request(uniqueSlug("rtf")));
        Collectivity into = service.create(request(uniqueSlug("rti")));
        tenants.write(from.names(), c -> {
            try (Statement s = c.createStatement()) {
                // the child first, then its parent: the export's tree order must put the parent first
                s.execute("INSERT INTO structure (id, uai, name, type, education_level, parent_id) VALUES"
                        + " ('00000000-0000-0000-0000-000000000001', '0690001A', 'Collège « Ampère »', 'COLLEGE', '2D', NULL)");
                s.execute("INSERT INTO structure (id, uai, name, type, education_level, parent_id) VALUES"
                        + " ('00000000-0000-0000-0000-000000000003', '0690003C', 'Annexe', 'ECOLE', '1D', NULL)");
                s.execute("INSERT INTO structure (id, uai, name, type, education_level, parent_id) VALUES"
                        + " ('00000000-0000-0000-0000-000000000002', '0690002B', 'École\\ttab \"quote\" \\\\ é', 'ECOLE', '1D',"
                        + " '00000000-0000-0000-0000-000000000003')");
                s.execute("UPDATE structure SET parent_id = '00000000-0000-0000-0000-000000000002'"
                        + " WHERE id = '00000000-0000-0000-0000-000000000001'");
                s.execute("INSERT INTO ent_user (id, profile, last_name, first_name, birth_date, email, structure_id,"
                        + " search_key, created_at) VALUES ('00000000-0000-0000-0000-0000000000a1', 'Student', 'Dupont',"
                        + " 'Zoé', '2014-03-01', NULL, '00000000-0000-0000-0000-000000000001', 'dupont zoe',"
                        + " '2026-09-01 08:00:00.123456+02')");
                s.execute("INSERT INTO message (id, thread_id, author_id, author_name, subject, body, body_text, state,"
                        + " created_at, updated_at, sent_at) VALUES ('00000000-0000-0000-0000-0000000000b1',"
                        + " '00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000a1', 'Zoé',"
                        + " 'Sortie', '<p>Bonjour\nà tous</p>', 'Bonjour à tous', 'SENT', now(), now(), now())");
                s.execute("INSERT INTO console_audit (actor, action, target_kind, outcome) VALUES"
                        + " ('admin', 'SOMETHING', 'collectivity', 'DONE')");
                s.execute("INSERT INTO tenant_setting (name, value) VALUES ('quiet_hours', 'x')"
                        + " ON CONFLICT DO NOTHING");
            }
            return null;
        });
        tenants.write(into.names(), c -> {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO console_audit (actor, action, target_kind, outcome) VALUES"
                        + " ('operator', 'COLLECTIVITY_IMPORT', 'collectivity', 'DONE')");
            }
            return null;
        });

        String[][] tables = {{"tenant_setting", "1", "MERGE"}, {"structure", "tree:id,parent_id", "REPLACE"},
            {"ent_user", "id", "REPLACE"}, {"message", "tree:id,parent_id", "REPLACE"},
            {"console_audit", "seq", "APPEND"}};
        List<String> structureRows = new ArrayList<>();
        for (String[] t : tables) {
            List<String> lines = new ArrayList<>();
            tenants.read(from.names(), c -> TableRows.export(c, t[0], t[1], lines::add));
            if (t[0].equals("structure")) {
                structureRows.addAll(lines);
            }
            long loaded = tenants.write(into.names(), c -> TableRows.load(c, t[0], TableRows.Mode.valueOf(t[2]),
                    new BufferedReader(new StringReader(String.join("\n", lines) + "\n"))));
            assertThat(loaded).as(t[0]).isEqualTo(lines.size());
        }

        assertThat(structureRows).hasSize(3);
        assertThat(structureRows.get(0)).as("roots first").contains("0690003C");
        assertThat(structureRows.get(2)).contains("0690001A");
        assertThat(structureRows.get(0)).doesNotContain("search");
        for (String query : List.of("SELECT id, uai, name, type, parent_id, created_at FROM structure ORDER BY id",
                "SELECT id, last_name, first_name, birth_date, email, created_at FROM ent_user ORDER BY id",
                "SELECT id, subject, body, body_text, sent_at, search::text, neutralized FROM message ORDER BY id")) {
            assertThat(rows(into, query)).as(query).isEqualTo(rows(from, query)).isNotEmpty();
        }
        // the new collectivity's own settings stay; the others come
        assertThat(rows(into, "SELECT value FROM tenant_setting WHERE name = 'slug'"))
                .containsExactly(List.of(into.slug()));
        assertThat(rows(into, "SELECT value FROM tenant_setting WHERE name = 'quiet_hours'")).hasSize(1);
        // the trail: its own entry first, the archive's appended after it, numbered anew
        assertThat(rows(into, "SELECT actor FROM console_audit ORDER BY seq"))
                .containsExactly(List.of("operator"), List.of("admin"));
    }

    private List<List<String>> rows(Collectivity c, String query) throws Exception {
        return tenants.read(c.names(), conn -> {
            List<List<String>> out = new ArrayList<>();
            try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(query)) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        row.add(rs.getString(i));
                    }
                    out.add(row);
                }
            }
            return out;
        });
    }
}
