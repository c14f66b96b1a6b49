package fr.ent.platform.operator.collectivity;

/**
 * Where a collectivity's Ingress sends its traffic and how its certificate is obtained. The runtime Service is the
 * one the EntPlatform reconciler creates (same namespace: an Ingress can only reach Services of its namespace).
 *
 * @param runtimeService name of the ENT runtime Service
 * @param runtimePort its HTTP port
 * @param ingressClassName ingress class, or null for the cluster default
 * @param clusterIssuer cert-manager ClusterIssuer that signs the tenant's TLS certificate
 */
public record TenantObjectSettings(String runtimeService, int runtimePort, String ingressClassName,
        String clusterIssuer) {

    public static TenantObjectSettings defaults() {
        return new TenantObjectSettings("ent-runtime", 9080, null, "ent-issuer");
    }
}
