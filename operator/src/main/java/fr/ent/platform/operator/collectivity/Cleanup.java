package fr.ent.platform.operator.collectivity;

import fr.ent.platform.adminapi.CollectivityView;
import fr.ent.platform.operator.status.Pause;
import fr.ent.platform.operator.tenantmanager.TenantManagerClient;
import fr.ent.platform.tenancy.TenantState;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What deleting a Collectivity resource does, behind its finalizer: archive the tenant (the portal answers 410),
 * then delete it in tenant-manager, dropping its schema and role with {@code reclaimPolicy: delete} or keeping them
 * with {@code retain}; then remove its Kubernetes objects and let the resource go. A resource that never owned a
 * tenant (invalid, or losing a slug/domain conflict) goes without touching tenant-manager.
 */
final class Cleanup {

    private static final Logger LOG = LoggerFactory.getLogger(Cleanup.class);
    private static final Duration WAIT = Duration.ofSeconds(2);

    private final TenantManagerClient tenantManager;
    private final StatusReport report;

    Cleanup(TenantManagerClient tenantManager, StatusReport report) {
        this.tenantManager = tenantManager;
        this.report = report;
    }

    DeleteControl run(Collectivity c, Context<Collectivity> context, boolean ownsTenant) {
        if (Pause.isPaused(c)) {
            return DeleteControl.noFinalizerRemoval().rescheduleAfter(Duration.ofSeconds(30).toMillis());
        }
        KubernetesClient client = context.getClient();
        Optional<CollectivityView> found = ownsTenant ? tenantManager.find(c.getSpec().getSlug()) : Optional.empty();
        if (found.isEmpty() || found.get().is(TenantState.DELETED)) {
            removeObjects(client, c);
            return DeleteControl.defaultDelete();
        }
        CollectivityView tenant = found.get();
        if (tenant.is(TenantState.PROVISIONING)) {
            // tenant-manager refuses to delete mid-provisioning; let the steps finish, then archive and delete.
            return DeleteControl.noFinalizerRemoval().rescheduleAfter(WAIT.toMillis());
        }
        if (tenant.is(TenantState.ACTIVE) || tenant.is(TenantState.SUSPENDED)) {
            tenant = tenantManager.archive(tenant.slug());
        }
        boolean retain = c.getSpec().retainsData();
        tenantManager.delete(tenant.slug(), retain);
        LOG.info("tenant={} deleted ({}) with {}/{}", tenant.slug(), retain ? "schema retained" : "schema dropped",
                c.getMetadata().getNamespace(), c.getMetadata().getName());
        report.events().normal(c, "TenantDeleted", "collectivity " + tenant.slug() + " deleted in tenant-manager; "
                + (retain ? "schema " + tenant.schema() + " and its role retained (reclaimPolicy: retain)"
                        : "schema " + tenant.schema() + " and its role dropped (reclaimPolicy: delete)"));
        removeObjects(client, c);
        return DeleteControl.defaultDelete();
    }

    /**
     * Owner references let Kubernetes garbage-collect these; deleting them here as well makes the cleanup immediate
     * and independent of the garbage collector (which the mock API server of the tests does not run).
     */
    private static void removeObjects(KubernetesClient client, Collectivity c) {
        String ns = c.getMetadata().getNamespace();
        client.resources(Ingress.class).inNamespace(ns).withName(TenantObjects.ingressName(c)).delete();
        client.resources(ConfigMap.class).inNamespace(ns).withName(TenantObjects.settingsName(c)).delete();
        client.resources(NetworkPolicy.class).inNamespace(ns).withName(TenantObjects.networkPolicyName(c)).delete();
    }
}
