package fr.ent.platform.tenants.registry;

/** The recorded steps of provisioning, in order. Each is idempotent so that a retry can re-run it safely. */
public enum ProvisioningStep {
    /** Create the collectivity's PostgreSQL role and the schema it owns. */
    SCHEMA,
    /** Apply the collectivity schema migrations (Flyway) as that role. */
    MIGRATIONS,
    /** Create (or reconcile) the collectivity's Keycloak realm: roles, portal client, claims, security settings. */
    REALM,
    /** Write the collectivity's initial settings into its schema. */
    SEED
}
