package fr.ent.platform.operator.dataservices;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * The kinds of the operators the platform delegates its data services to (ADR 0038), as their documented APIs name
 * them: CloudNativePG, its Barman Cloud plugin, the Keycloak Operator. The EntPlatform reconciler writes them, the
 * compliance inventory reads them; neither depends on those operators' Java models.
 */
public final class DataServiceKinds {

    public static final ResourceDefinitionContext CLUSTER = kind("postgresql.cnpg.io", "v1", "Cluster", "clusters");
    public static final ResourceDefinitionContext SCHEDULED_BACKUP = kind("postgresql.cnpg.io", "v1",
            "ScheduledBackup", "scheduledbackups");
    public static final ResourceDefinitionContext DATABASE = kind("postgresql.cnpg.io", "v1", "Database",
            "databases");
    public static final ResourceDefinitionContext OBJECT_STORE = kind("barmancloud.cnpg.io", "v1", "ObjectStore",
            "objectstores");
    public static final ResourceDefinitionContext KEYCLOAK = kind("k8s.keycloak.org", "v2alpha1", "Keycloak",
            "keycloaks");
    /** The Barman Cloud plugin's name, as CloudNativePG knows it. */
    public static final String BARMAN_PLUGIN = "barman-cloud.cloudnative-pg.io";

    private DataServiceKinds() {
    }

    private static ResourceDefinitionContext kind(String group, String version, String kind, String plural) {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
                .withPlural(plural).withNamespaced(true).build();
    }
}
