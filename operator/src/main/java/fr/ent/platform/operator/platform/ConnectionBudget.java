package fr.ent.platform.operator.platform;

/**
 * The connections the platform's own pods may open to the PostgreSQL it owns, and so that Cluster's
 * {@code max_connections} (ADR 0058). CloudNativePG leaves PostgreSQL's default of 100, which two runtime pods
 * (40 each) and one Keycloak pod (100 by Keycloak's default) already exceed under load: PostgreSQL then refuses the
 * next connection ("too many clients") and the request that needed it fails. So the operator sets every pool's size
 * itself, on the runtime's pods and on each Keycloak resource, and sizes PostgreSQL for their sum.
 *
 * @param runtimePods   the most runtime pods at once: maxReplicas, plus the one a rolling update adds (maxSurge 1)
 * @param perRuntimePod the shared pool and, with connection lanes, each lane's pool (ADR 0057)
 * @param keycloakPods  the managed Keycloak's pods: instances × servers (the first Keycloak, the managed shards open
 *                      now, and room for the next one)
 * @param perKeycloakPod each one's pool ({@code db.poolMaxSize}) when its database is in the Cluster, and with
 *                      directory accounts the provider's connections to the platform database
 */
record ConnectionBudget(int runtimePods, int perRuntimePod, int keycloakPods, int perKeycloakPod) {

    /** {@code ENT_DB_POOL_MAX} set on the runtime's pods: the platform's own units, tenant-manager, no lane. */
    static final int RUNTIME_POOL = 40;
    /** {@code ENT_DB_LANE_POOL_MAX}: each lane's connections (ADR 0057). */
    static final int LANE_POOL = 10;
    /**
     * Each Keycloak pod's pool when the spec does not say: Keycloak's own default (100) is sized for a server alone
     * on its database; 30 is what Keycloak's high-availability guide gives a pod serving thousands of logins a
     * second, and our Monday-morning storm (LoginStormBench) is well below that per pod.
     */
    static final int KEYCLOAK_POOL = 30;
    /**
     * With directory accounts (ADR 0043), what each Keycloak pod's provider may hold on the platform database: its
     * idle connections, at most 32 for all realms of the pod (keycloak-federation's {@code IdleBudget}), and 16 for
     * logins in flight. That second part is an allowance, not a bound: a login reaches the provider at its first
     * sign-in and when Keycloak's cache of the account expires, holding one connection while it reads, and each realm
     * is bounded by its role's CONNECTION LIMIT 8, not the pod.
     */
    static final int DIRECTORY_PER_KEYCLOAK_POD = 32 + 16;
    /**
     * Beyond the pods' pools: PostgreSQL's superuser reserve (3), CloudNativePG's instance manager and monitoring,
     * the replicas' WAL senders, backups, and an operator's psql.
     */
    static final int RESERVE = 20;

    static ConnectionBudget of(EntPlatformSpec spec, int keycloakServers) {
        int lanes = spec.getConnectionLanes() == null ? 0 : spec.getConnectionLanes();
        ManagedKeycloak kc = spec.getManagedKeycloak();
        if (kc == null) { // a Keycloak run elsewhere: its pods are not ours to count (docs/operator.md)
            return new ConnectionBudget(spec.maxReplicasOrMin() + 1, RUNTIME_POOL + lanes * LANE_POOL, 0, 0);
        }
        // a Keycloak with its own database elsewhere (managedKeycloak.database) has its pool there
        boolean poolHere = spec.getManagedDatabase() != null && kc.getDatabase() == null;
        int perPod = (poolHere ? kc.databasePoolSizeOrDefault() : 0)
                + (spec.getDirectoryAccounts() != null ? DIRECTORY_PER_KEYCLOAK_POD : 0);
        return new ConnectionBudget(spec.maxReplicasOrMin() + 1, RUNTIME_POOL + lanes * LANE_POOL,
                perPod == 0 ? 0 : kc.instancesOrDefault() * keycloakServers, perPod);
    }

    int total() {
        return runtimePods * perRuntimePod + keycloakPods * perKeycloakPod + RESERVE;
    }

    /** The Cluster's {@code max_connections}: the spec's, or the sum of the pools and the reserve. */
    int maxConnections(ManagedDatabase db) {
        return db.getMaxConnections() != null ? db.getMaxConnections() : total();
    }
}
