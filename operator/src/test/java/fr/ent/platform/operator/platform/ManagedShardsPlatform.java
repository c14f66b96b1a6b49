package fr.ent.platform.operator.platform;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;

/**
 * An {@code EntPlatform} whose database and Keycloak the operator manages, with managed Keycloak shards: what the
 * shard tests apply (KeycloakShardsTest on the mock API with a stand-in shard API, OperatorShardsIT against the real
 * tenant-manager).
 */
final class ManagedShardsPlatform {

    private ManagedShardsPlatform() {
    }

    static EntPlatform of(String name, String namespace, ManagedKeycloak.ManagedShards shards) {
        EntPlatform platform = new EntPlatform();
        platform.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        EntPlatformSpec spec = new EntPlatformSpec();
        spec.setImage("registry.ent.example.fr/ent/runtime:1.6.0");
        spec.setAllowedRegions(List.of("fr-par"));
        ManagedDatabase db = new ManagedDatabase();
        db.setStorageSize("50Gi");
        ManagedDatabase.Backup backup = new ManagedDatabase.Backup();
        backup.setDestinationPath("s3://ent-backups/ent-db");
        backup.setEndpointURL("https://s3.fr-par.example.fr");
        backup.setRegion("fr-par");
        backup.setCredentialsSecret(new EntPlatformSpec.SecretReference("ent-backups-s3"));
        db.setBackup(backup);
        spec.setManagedDatabase(db);
        ManagedKeycloak kc = new ManagedKeycloak();
        kc.setHostname("auth.ent.example.fr");
        kc.setTlsSecret(new EntPlatformSpec.SecretReference("auth-tls"));
        kc.setShards(shards);
        spec.setManagedKeycloak(kc);
        platform.setSpec(spec);
        return platform;
    }
}
