package fr.ent.platform.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.tenants.identity.RealmDefinition;
import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.registry.CollectivityRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Registry migration V6: realms made before the realm definition version was recorded are behind it, so the first
 * start after the migration walks each of them once (as every start did before); recorded realms are not walked.
 */
class RealmVersionMigrationTest {

    @Test
    void realmsFromBeforeTheMigrationAreBehindUntilReconciledAndOnlyServedOnesAreWalked() throws SQLException {
        DataSource db = EmbeddedDatabase.emptyDatabase("v6_" + Long.toString(
                ThreadLocalRandom.current().nextLong(1L << 40), 36));
        Flyway.configure().dataSource(db).schemas("platform").locations("classpath:db/platform").target("4").load()
                .migrate();
        for (String state : new String[] {"ACTIVE", "SUSPENDED", "ARCHIVED", "FAILED", "PROVISIONING", "DELETED"}) {
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.execute("""
                        INSERT INTO platform.collectivity (id, slug, kind, display_name, state, schema_name, role_name)
                        VALUES (gen_random_uuid(), '%1$s', 'COMMUNE', '%1$s', '%2$s', 't_%1$s', 'ent_t_%1$s')"""
                        .formatted(state.toLowerCase(), state));
            }
        }

        Flyway.configure().dataSource(db).schemas("platform").locations("classpath:db/platform").load().migrate();
        CollectivityRepository registry = new CollectivityRepository(db);

        assertThat(registry.realmsBehind(RealmDefinition.VERSION)).extracting(Collectivity::slug)
                .containsExactly("active", "archived", "suspended");
        Collectivity active = registry.find("active").orElseThrow();
        registry.recordRealmVersion(active.id(), RealmDefinition.VERSION);
        assertThat(registry.realmsBehind(RealmDefinition.VERSION)).extracting(Collectivity::slug)
                .containsExactly("archived", "suspended");
        // a later definition puts it behind again; a change that missed Keycloak too
        assertThat(registry.realmsBehind(RealmDefinition.VERSION + 1)).extracting(Collectivity::slug)
                .contains("active");
        registry.markRealmOutOfDate(active.id());
        assertThat(registry.realmsBehind(RealmDefinition.VERSION)).extracting(Collectivity::slug).contains("active");
    }
}
