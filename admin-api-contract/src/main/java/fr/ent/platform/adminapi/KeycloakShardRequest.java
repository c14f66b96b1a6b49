package fr.ent.platform.adminapi;

/**
 * Body of {@code PUT /keycloak-shards/{name}} (ADR 0044, ADR 0050): a Keycloak server the REALM step may place
 * collectivities' realms on, registered or replaced whole.
 *
 * @param internalUrl the back channel (tenant-manager's admin calls, the runtime's code exchange and keys), http(s);
 *                    null for the shard {@code default}, whose addresses are the configuration's
 * @param publicUrl   what browsers reach, the issuer written into its tokens, http(s); null for {@code default}
 * @param capacity    how many realms it may hold (never fewer than it holds now)
 * @param open        whether new collectivities may be placed on it; null: true
 */
public record KeycloakShardRequest(String internalUrl, String publicUrl, Integer capacity, Boolean open) {

    /**
     * An address as the registry stores and lists it: trimmed, without trailing slashes. A client comparing its own
     * addresses with the registry's compares them in this form (else a {@code …/} differs at every comparison).
     */
    public static String registryForm(String url) {
        return url == null ? null : url.trim().replaceAll("/+$", "");
    }
}
