package fr.ent.platform.operator.status;

/**
 * The condition types the operator's resources report. Compliant is the sovereign-hosting evaluation of a
 * Collectivity; SLAMet its availability objective read from Prometheus; DatabaseReady and KeycloakReady the data
 * services an EntPlatform owns through their operators; they are named here so that every resource speaks the same
 * vocabulary.
 */
public enum ConditionType {
    Ready, Provisioned, HasErrors, SLAMet, Compliant, DatabaseReady, KeycloakReady,
    /** Room for new collectivities' realms on the Keycloak shards (ADR 0050). */
    KeycloakShardsAvailable
}
