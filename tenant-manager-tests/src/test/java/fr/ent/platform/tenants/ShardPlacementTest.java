package fr.ent.platform.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.registry.CollectivityRepository;
import fr.ent.platform.tenants.registry.NewCollectivity;
import fr.ent.platform.tenants.shards.KeycloakShard;
import fr.ent.platform.tenants.shards.ShardRegistry;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Placement of collectivities over Keycloak shards in the registry (ADR 0044), on a registry of its own so that the
 * shards it opens do not take other tests' collectivities.
 */
class ShardPlacementTest {

    private DataSource db;
    private CollectivityRepository registry;
    private ShardRegistry shards;

    @BeforeEach
    void registry() throws Exception {
        db = EmbeddedDatabase.emptyDatabase("shards_"
                + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36));
        Flyway.configure().dataSource(db).schemas("platform").locations("classpath:db/platform").load().migrate();
        registry = new CollectivityRepository(db);
        shards = new ShardRegistry(db);
    }

    private void sql(String statement) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private Collectivity collectivity(String slug) {
        return registry.insert(NewCollectivity.of(slug, "commune", "Commune " + slug, List.of(slug + ".localhost")));
    }

    @Test
    void aSinglePlatformPlacesEverythingOnTheConfiguredKeycloak() {
        KeycloakShard placed = shards.place(collectivity("seule"));
        assertThat(placed.isDefault()).isTrue();
        assertThat(placed.endpoints()).isEmpty();
        assertThat(shards.endpointsOfRealm("ent-seule")).isEmpty();
    }

    @Test
    void newCollectivitiesGoToTheLeastFilledShardWithRoomAndStayThere() throws Exception {
        sql("UPDATE platform.keycloak_shard SET capacity = 2 WHERE name = 'default'");
        sql("INSERT INTO platform.keycloak_shard (name, internal_url, public_url, capacity)"
                + " VALUES ('b', 'http://kc-b:8080', 'https://auth-b.example.fr', 2)");
        Collectivity first = collectivity("alpha");
        // both empty: the tie goes by name
        assertThat(shards.place(first).name()).isEqualTo("b");
        assertThat(shards.place(collectivity("beta")).name()).isEqualTo("default");
        assertThat(shards.place(collectivity("gamma")).name()).isEqualTo("b");
        // a retried REALM step keeps its shard, even when another would now be emptier
        assertThat(shards.place(first).name()).isEqualTo("b");
        assertThat(shards.endpointsOfRealm("ent-alpha")).hasValueSatisfying(e -> {
            assertThat(e.issuer("ent-alpha")).isEqualTo("https://auth-b.example.fr/realms/ent-alpha");
            assertThat(e.token("ent-alpha").toString()).startsWith("http://kc-b:8080/realms/ent-alpha/");
        });
        assertThat(shards.endpointsOfRealm("ent-beta")).isEmpty();
        assertThat(shards.endpointsOfRealm("platform")).isEmpty();
        assertThat(shards.list()).extracting(KeycloakShard::name, KeycloakShard::realms)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("b", 2), org.assertj.core.groups.Tuple.tuple(
                        "default", 1));

        assertThat(shards.place(collectivity("delta")).name()).isEqualTo("default");
        Collectivity fifth = collectivity("epsilon");
        assertThatThrownBy(() -> shards.place(fifth)).isInstanceOf(ShardRegistry.AllShardsFull.class)
                .hasMessageContaining("b 2/2").hasMessageContaining("default 2/2");
        // a deleted collectivity frees its place; a closed shard takes no more
        sql("UPDATE platform.collectivity SET state = 'DELETED' WHERE slug = 'alpha'");
        sql("UPDATE platform.keycloak_shard SET open = false WHERE name = 'default'");
        sql("UPDATE platform.collectivity SET state = 'DELETED' WHERE slug = 'beta'");
        assertThat(shards.place(fifth).name()).isEqualTo("b");
    }
}
