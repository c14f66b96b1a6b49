package fr.ent.platform.tenants.shards;

import fr.ent.platform.identity.RealmEndpoints;
import java.util.Optional;

/**
 * One Keycloak server of the platform (a row of {@code platform.keycloak_shard}, ADR 0044). The shard
 * {@link #DEFAULT} is the configured Keycloak: it has no addresses of its own here, whoever reads it uses its
 * configuration's.
 *
 * @param realms how many collectivities are placed on it now
 */
public record KeycloakShard(String name, Optional<String> internalUrl, Optional<String> publicUrl, int capacity,
        boolean open, int realms) {

    public static final String DEFAULT = "default";

    public boolean isDefault() {
        return DEFAULT.equals(name);
    }

    /** Its endpoints, or empty for the default shard (then: the configured ones). */
    public Optional<RealmEndpoints> endpoints() {
        return internalUrl.isEmpty() || publicUrl.isEmpty() ? Optional.empty()
                : Optional.of(RealmEndpoints.of(publicUrl.get(), internalUrl.get()));
    }
}
