package fr.ent.platform.operator.platform;

import fr.ent.platform.operator.collectivity.TenantObjects;
import fr.ent.platform.operator.sla.SlaPrometheusRule;
import fr.ent.platform.operator.sla.SlaSettings;
import fr.ent.platform.operator.status.ConditionType;
import fr.ent.platform.operator.status.Conditions;
import fr.ent.platform.operator.status.EventRecorder;
import fr.ent.platform.operator.status.KubeApply;
import fr.ent.platform.operator.status.Pause;
import fr.ent.platform.operator.tenantmanager.TenantManagerClient;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps the shared runtime's objects (ServiceAccount, Deployment, Service, admin Service and NetworkPolicy,
 * PodDisruptionBudget, autoscaler) as its EntPlatform resource describes, and reports the rollout: Ready once every
 * pod runs the current template and is available. The Deployment is watched, so the status follows the rollout without polling. No finalizer: owner
 * references let Kubernetes delete the objects with the resource, and nothing outside Kubernetes is involved.
 */
@ControllerConfiguration(name = EntPlatformReconciler.NAME)
public class EntPlatformReconciler implements Reconciler<EntPlatform> {

    public static final String NAME = "entplatform";
    static final java.time.Duration DATA_SERVICES_RECHECK = java.time.Duration.ofSeconds(30);
    /**
     * It looks again this often in any case: the shards' fill grows with collectivities the reconciler is not told
     * of, and JOSDK 5.3.2 can take a spec edit made while it patches the status for the echo of its own patch and
     * drop it (seen once in OperatorShardsIT; fixed upstream in 5.3.5 by #3414, which this machine's registry does not
     * serve): the edit is then seen at the next look, not at the next unrelated event, hours later.
     */
    static final java.time.Duration RECHECK = java.time.Duration.ofMinutes(5);

    private final Conditions conditions = Conditions.system();
    private final EventRecorder events;
    /** null: no PrometheusRule (no SLA watch, or ENT_SLA_PROMETHEUS_RULE=false). */
    private final SlaSettings sla;
    private volatile boolean prometheusRuleMissingLogged;
    /** tenant-manager's admin API, for the Keycloak shards (ADR 0050); null: shards left alone. */
    private final TenantManagerClient tenantManager;

    public EntPlatformReconciler(KubernetesClient client, SlaSettings sla) {
        this(client, sla, null);
    }

    public EntPlatformReconciler(KubernetesClient client, SlaSettings sla, TenantManagerClient tenantManager) {
        this.events = new EventRecorder(client);
        this.sla = sla;
        this.tenantManager = tenantManager;
    }

    @Override
    public List<EventSource<?, EntPlatform>> prepareEventSources(EventSourceContext<EntPlatform> context) {
        var deployments = InformerEventSourceConfiguration.from(Deployment.class, EntPlatform.class)
                .withLabelSelector(TenantObjects.LABEL_MANAGED_BY + "=" + TenantObjects.MANAGED_BY).build();
        return List.of(new InformerEventSource<>(deployments, context));
    }

    @Override
    public UpdateControl<EntPlatform> reconcile(EntPlatform p, Context<EntPlatform> context) {
        if (Pause.isPaused(p)) {
            return UpdateControl.noUpdate();
        }
        KubernetesClient client = context.getClient();
        Optional<Deployment> current = context.getSecondaryResource(Deployment.class);
        KubeApply.apply(client, RuntimeObjects.serviceAccount(p), ServiceAccount::getAutomountServiceAccountToken);
        Deployment desired = RuntimeObjects.deployment(p);
        // the autoscaler owns the replica count between min and max: keep what it chose
        current.map(d -> d.getSpec().getReplicas()).filter(Objects::nonNull)
                .filter(r -> r >= p.getSpec().minReplicas() && r <= p.getSpec().maxReplicasOrMin())
                .ifPresent(r -> desired.getSpec().setReplicas(r));
        boolean rolled = KubeApply.apply(client, desired, Deployment::getSpec);
        KubeApply.apply(client, RuntimeObjects.service(p), s -> s.getSpec().getPorts());
        KubeApply.apply(client, RuntimeObjects.adminService(p), s -> s.getSpec().getPorts());
        KubeApply.apply(client, RuntimeObjects.networkPolicy(p), NetworkPolicy::getSpec);
        KubeApply.apply(client, RuntimeObjects.podDisruptionBudget(p), PodDisruptionBudget::getSpec);
        KubeApply.apply(client, RuntimeObjects.autoscaler(p), HorizontalPodAutoscaler::getSpec);
        if (sla != null) {
            applySlaRules(client, p);
        }
        if (rolled && current.isPresent()) {
            events.normal(p, "RolloutStarted", "runtime " + p.getSpec().getImage() + " rolling out");
        }
        DataServices.Readiness services = DataServices.apply(client, p);
        report(p, rolled ? null : current.orElse(null), services);
        UpdateControl<EntPlatform> control = UpdateControl.patchStatus(p);
        KeycloakShards.Outcome shards = tenantManager != null && KeycloakShards.configured(p.getSpec())
                ? KeycloakShards.reconcile(client, p, tenantManager) : null;
        if (shards != null) {
            reportShards(p, shards);
        } else {
            // the spec asks nothing of the shards (any more): report nothing about them (report() made the status)
            conditions.remove(p.getStatus(), ConditionType.KeycloakShardsAvailable);
            p.getStatus().setKeycloakShards(null);
        }
        // their resources are not watched (their kinds may not exist in a cluster that owns none): look again
        // until they are ready
        if (!services.allReady() || (shards != null && shards.recheckSoon())) {
            return control.rescheduleAfter(DATA_SERVICES_RECHECK);
        }
        return control.rescheduleAfter(RECHECK);
    }

    private void reportShards(EntPlatform p, KeycloakShards.Outcome shards) {
        EntPlatformStatus status = p.getStatus();
        long generation = p.getMetadata().getGeneration() == null ? 0 : p.getMetadata().getGeneration();
        if (shards.shards() != null) {
            status.setKeycloakShards(shards.shards());
        }
        boolean transition = conditions.set(status, generation, ConditionType.KeycloakShardsAvailable,
                shards.status(), shards.reason(), shards.message());
        shards.opened().ifPresent(name -> events.normal(p, "KeycloakShardOpening", "Keycloak " + name
                + " created: " + shards.message()));
        if (transition && "AllShardsFull".equals(shards.reason())) {
            events.warning(p, "AllShardsFull", shards.message());
        }
    }

    private void report(EntPlatform p, Deployment deployment, DataServices.Readiness services) {
        EntPlatformStatus status = p.getStatus() == null ? new EntPlatformStatus() : p.getStatus();
        p.setStatus(status);
        long generation = p.getMetadata().getGeneration() == null ? 0 : p.getMetadata().getGeneration();
        String previousPhase = status.getPhase();
        int wanted = deployment == null || deployment.getSpec().getReplicas() == null ? p.getSpec().minReplicas()
                : deployment.getSpec().getReplicas();
        DeploymentStatus ds = deployment == null || deployment.getStatus() == null ? new DeploymentStatus()
                : deployment.getStatus();
        int updated = orZero(ds.getUpdatedReplicas());
        int available = orZero(ds.getAvailableReplicas());
        boolean current = deployment != null && ds.getObservedGeneration() != null
                && ds.getObservedGeneration() >= deployment.getMetadata().getGeneration();
        boolean runtimeReady = current && updated >= wanted && available >= wanted;
        boolean ready = runtimeReady && services.allReady();
        status.setObservedGeneration(generation);
        status.setImage(p.getSpec().getImage());
        status.setReplicas(wanted);
        status.setReadyReplicas(orZero(ds.getReadyReplicas()));
        status.setUpdatedReplicas(updated);
        String phase = ready ? "Ready" : available == 0 && deployment != null && current ? "Unavailable" : "Progressing";
        String message = "runtime " + p.getSpec().getImage() + ": " + updated + "/" + wanted + " pods updated, "
                + available + " available";
        if (services.databaseOwned()) {
            message += "; PostgreSQL " + DataServiceObjects.clusterName(p) + ": " + services.databaseState();
            conditions.set(status, generation, ConditionType.DatabaseReady, services.databaseReady(),
                    services.databaseReady() ? "ClusterReady" : "ClusterNotReady",
                    "CloudNativePG Cluster " + DataServiceObjects.clusterName(p) + ": " + services.databaseState());
        } else {
            conditions.remove(status, ConditionType.DatabaseReady); // run elsewhere (now): nothing of ours to report
        }
        if (services.keycloakOwned()) {
            message += "; Keycloak " + DataServiceObjects.keycloakName(p) + ": " + services.keycloakState();
            conditions.set(status, generation, ConditionType.KeycloakReady, services.keycloakReady(),
                    services.keycloakReady() ? "KeycloakReady" : "KeycloakNotReady",
                    "Keycloak " + DataServiceObjects.keycloakName(p) + ": " + services.keycloakState());
        } else {
            conditions.remove(status, ConditionType.KeycloakReady);
        }
        status.setPhase(phase);
        status.setMessage(message);
        conditions.set(status, generation, ConditionType.Ready, ready, phase, message);
        conditions.set(status, generation, ConditionType.HasErrors, "Unavailable".equals(phase),
                "Unavailable".equals(phase) ? "NoPodAvailable" : "NoErrors", message);
        if (!phase.equals(previousPhase)) {
            if ("Unavailable".equals(phase)) {
                events.warning(p, phase, message);
            } else {
                events.normal(p, phase, message);
            }
        }
    }

    @Override
    public ErrorStatusUpdateControl<EntPlatform> updateErrorStatus(EntPlatform p, Context<EntPlatform> context,
            Exception e) {
        EntPlatformStatus status = p.getStatus() == null ? new EntPlatformStatus() : p.getStatus();
        p.setStatus(status);
        long generation = p.getMetadata().getGeneration() == null ? 0 : p.getMetadata().getGeneration();
        status.setMessage(e.getClass().getSimpleName() + ": " + e.getMessage());
        if (conditions.set(status, generation, ConditionType.HasErrors, true, "ReconcileError", status.getMessage())) {
            events.warning(p, "ReconcileError", status.getMessage());
        }
        return ErrorStatusUpdateControl.patchStatus(p);
    }

    /**
     * The SLA rules as a PrometheusRule next to the runtime. A cluster without the prometheus-operator has no such
     * kind (404): the runtime is still reconciled, the rules are then loaded from observability/rules by hand.
     */
    private void applySlaRules(KubernetesClient client, EntPlatform p) {
        try {
            if (SlaPrometheusRule.apply(client, SlaPrometheusRule.desired(p, sla))) {
                events.normal(p, "SlaRulesApplied", "PrometheusRule ent-sla written (SLA recording rules and "
                        + "burn-rate alerts)");
            }
        } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
            if (e.getCode() != 404) {
                throw e;
            }
            if (!prometheusRuleMissingLogged) {
                prometheusRuleMissingLogged = true;
                org.slf4j.LoggerFactory.getLogger(EntPlatformReconciler.class).warn("no PrometheusRule kind in this "
                        + "cluster (prometheus-operator not installed): the SLA rules are not applied; load "
                        + "observability/rules/ent-sla.rules.yml into Prometheus instead");
            }
        }
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
