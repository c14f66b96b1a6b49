package fr.ent.platform.tenants.shards;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The placement rule (ADR 0044), apart from the database so that it is tested alone. */
final class ShardChoice {

    private ShardChoice() {
    }

    /**
     * The open shard with room whose fill (realms / capacity) is the lowest; on a tie the one with fewer realms,
     * then by name, so that the choice is the same every time.
     */
    static Optional<KeycloakShard> leastFilled(List<KeycloakShard> shards) {
        return shards.stream().filter(KeycloakShard::open).filter(s -> s.realms() < s.capacity())
                .min(Comparator.comparingDouble((KeycloakShard s) -> (double) s.realms() / s.capacity())
                        .thenComparingInt(KeycloakShard::realms).thenComparing(KeycloakShard::name));
    }
}
