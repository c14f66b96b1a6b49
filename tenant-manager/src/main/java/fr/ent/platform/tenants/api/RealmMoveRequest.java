package fr.ent.platform.tenants.api;

/**
 * Body of {@code POST /collectivities/{slug}/realm/move} (ADR 0048).
 *
 * @param shard the Keycloak shard to move the collectivity's realm to (a row of platform.keycloak_shard)
 */
public record RealmMoveRequest(String shard) {
}
