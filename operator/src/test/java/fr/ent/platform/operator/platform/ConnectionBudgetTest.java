package fr.ent.platform.operator.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the managed PostgreSQL's max_connections counts (ADR 0058): the pods' pools at their most, and a reserve. */
class ConnectionBudgetTest {

    @Test
    void sumsTheRuntimePodsAtTheirMostAndTheKeycloakPodsWhoseDatabaseIsInTheCluster() {
        EntPlatformSpec spec = spec();
        // replicas 2: the autoscaler's maximum defaults to 4, and a rolling update adds one pod
        ConnectionBudget budget = ConnectionBudget.of(spec, 1);
        assertThat(budget).isEqualTo(new ConnectionBudget(5, 40, 2, 30));
        assertThat(budget.maxConnections(spec.getManagedDatabase())).isEqualTo(5 * 40 + 2 * 30 + 20);
    }

    @Test
    void eachLaneAddsItsPoolToEveryRuntimePod() {
        EntPlatformSpec spec = spec();
        spec.setConnectionLanes(4);
        spec.setMaxReplicas(6);
        assertThat(ConnectionBudget.of(spec, 1).maxConnections(spec.getManagedDatabase()))
                .isEqualTo(7 * (40 + 4 * 10) + 2 * 30 + 20);
    }

    @Test
    void everyKeycloakServerCountsItsPodsAtTheSpecsPoolSize() {
        EntPlatformSpec spec = spec();
        spec.getManagedKeycloak().setInstances(3);
        spec.getManagedKeycloak().setDatabasePoolSize(15);
        assertThat(ConnectionBudget.of(spec, 4)).isEqualTo(new ConnectionBudget(5, 40, 12, 15));
    }

    @Test
    void aKeycloakWithItsDatabaseElsewhereOpensNothingInTheCluster() {
        EntPlatformSpec spec = spec();
        spec.getManagedKeycloak().setDatabase(new EntPlatformSpec.SecretReference("kc-db-elsewhere"));
        assertThat(ConnectionBudget.of(spec, 1).keycloakPods()).isZero();
        spec.setManagedKeycloak(null);
        assertThat(ConnectionBudget.of(spec, 0).total()).isEqualTo(5 * 40 + 20);
    }

    @Test
    void directoryAccountsAddTheProvidersConnectionsToEveryKeycloakPodWhereverItsOwnDatabaseIs() {
        EntPlatformSpec spec = spec();
        spec.setDirectoryAccounts(new EntPlatformSpec.DirectoryAccounts(null));
        assertThat(ConnectionBudget.of(spec, 1)).isEqualTo(new ConnectionBudget(5, 40, 2, 30 + 32 + 16));
        spec.getManagedKeycloak().setDatabase(new EntPlatformSpec.SecretReference("kc-db-elsewhere"));
        assertThat(ConnectionBudget.of(spec, 1)).isEqualTo(new ConnectionBudget(5, 40, 2, 32 + 16));
    }

    @Test
    void theSpecsMaxConnectionsWinsOverTheSum() {
        EntPlatformSpec spec = spec();
        spec.getManagedDatabase().setMaxConnections(150);
        assertThat(ConnectionBudget.of(spec, 1).maxConnections(spec.getManagedDatabase())).isEqualTo(150);
    }

    private static EntPlatformSpec spec() {
        EntPlatformSpec spec = new EntPlatformSpec();
        spec.setImage("registry.ent.example.fr/ent/runtime:1.6.0");
        spec.setManagedDatabase(new ManagedDatabase());
        ManagedKeycloak kc = new ManagedKeycloak();
        kc.setHostname("auth.ent.example.fr");
        spec.setManagedKeycloak(kc);
        return spec;
    }
}
