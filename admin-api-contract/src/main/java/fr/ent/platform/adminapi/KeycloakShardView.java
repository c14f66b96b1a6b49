package fr.ent.platform.adminapi;

import jakarta.json.bind.annotation.JsonbNillable;

/**
 * A Keycloak server of the platform ({@code GET /keycloak-shards}, ADR 0044, ADR 0050).
 *
 * @param configured whether it is the shard {@code default}, the configured Keycloak: its addresses are null here,
 *                   every reader uses its own configuration's
 * @param realms     collectivities placed on it (deleted ones excluded)
 * @param fill       realms / capacity, 1 when its capacity is 0
 */
@JsonbNillable
public record KeycloakShardView(String name, boolean configured, String internalUrl, String publicUrl, int capacity,
        boolean open, int realms, double fill) {
}
