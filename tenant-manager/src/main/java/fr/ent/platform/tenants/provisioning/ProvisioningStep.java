package fr.ent.platform.tenants.provisioning;

/** The recorded steps of provisioning, in order. Each is idempotent so that a retry can re-run it safely. */
public enum ProvisioningStep {
    /** Create the collectivity's PostgreSQL role and the schema it owns. */
    SCHEMA,
    /** Apply the collectivity schema migrations (Flyway) as that role. */
    MIGRATIONS,
    /** Write the collectivity's initial settings into its schema. */
    SEED
}
