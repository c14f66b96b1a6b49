package fr.ent.platform.tenants.shards;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The placement rule and the routing of admin calls by realm (ADR 0044). */
class ShardChoiceTest {

    private static KeycloakShard shard(String name, int realms, int capacity, boolean open) {
        return new KeycloakShard(name, Optional.of("http://" + name), Optional.of("http://" + name), capacity, open,
                realms);
    }

    @Test
    void theLowestFillWithRoomWinsNotTheFewestRealms() {
        // b has more realms but a larger capacity: 100/1000 is emptier than 40/100
        assertThat(ShardChoice.leastFilled(List.of(shard("a", 40, 100, true), shard("b", 100, 1000, true))))
                .map(KeycloakShard::name).contains("b");
    }

    @Test
    void fullAndClosedShardsAreNeverChosen() {
        assertThat(ShardChoice.leastFilled(List.of(shard("a", 100, 100, true), shard("b", 0, 100, false),
                shard("c", 99, 100, true)))).map(KeycloakShard::name).contains("c");
        assertThat(ShardChoice.leastFilled(List.of(shard("a", 100, 100, true), shard("b", 0, 0, true)))).isEmpty();
    }

    @Test
    void aTieGoesToTheFewestRealmsThenTheName() {
        assertThat(ShardChoice.leastFilled(List.of(shard("b", 0, 10, true), shard("a", 0, 10, true))))
                .map(KeycloakShard::name).contains("a");
        assertThat(ShardChoice.leastFilled(List.of(shard("a", 2, 20, true), shard("b", 1, 10, true))))
                .map(KeycloakShard::name).contains("b");
    }

    @Test
    void adminCallsAreRoutedByTheRealmTheyName() {
        assertThat(ShardedKeycloakAdmin.realmOf("ent-x/users?first=0", null)).contains("ent-x");
        assertThat(ShardedKeycloakAdmin.realmOf("ent-x?briefRepresentation=true", null)).contains("ent-x");
        assertThat(ShardedKeycloakAdmin.realmOf("ent-x", null)).contains("ent-x");
        assertThat(ShardedKeycloakAdmin.realmOf("", Json.createObjectBuilder().add("realm", "ent-y").build()))
                .contains("ent-y");
        assertThat(ShardedKeycloakAdmin.realmOf("", null)).isEmpty();
    }
}
