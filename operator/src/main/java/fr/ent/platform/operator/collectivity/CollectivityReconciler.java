package fr.ent.platform.operator.collectivity;

import fr.ent.platform.adminapi.CollectivityRequest;
import fr.ent.platform.adminapi.CollectivityView;
import fr.ent.platform.adminapi.ProvisioningView;
import fr.ent.platform.operator.compliance.CollectivityCompliance;
import fr.ent.platform.operator.compliance.ComplianceOutcome;
import fr.ent.platform.operator.sla.CollectivitySla;
import fr.ent.platform.operator.sla.SlaOutcome;
import fr.ent.platform.operator.status.ConditionType;
import fr.ent.platform.operator.status.Conditions;
import fr.ent.platform.operator.status.EventRecorder;
import fr.ent.platform.operator.status.KubeApply;
import fr.ent.platform.operator.status.Pause;
import fr.ent.platform.operator.tenantmanager.TenantManagerClient;
import fr.ent.platform.adminapi.CollectivityAppsView;
import fr.ent.platform.operator.tenantmanager.TenantManagerProblem;
import fr.ent.platform.operator.tenantmanager.TenantManagerUnavailable;
import fr.ent.platform.tenancy.CollectivityKind;
import fr.ent.platform.tenancy.TenantState;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.MaxReconciliationInterval;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.retry.GradualRetry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a collectivity tenant to what its Collectivity resource asks for, through tenant-manager's admin API, and
 * keeps its Kubernetes objects (Ingress, settings ConfigMap, NetworkPolicy). Every step is decided from the state
 * tenant-manager reports now, never from what this operator remembers, so a reconciliation can be interrupted and
 * repeated (operator restart, tenant-manager outage) without creating anything twice.
 */
@ControllerConfiguration(name = CollectivityReconciler.NAME, finalizerName = CollectivityReconciler.FINALIZER,
        maxReconciliationInterval = @MaxReconciliationInterval(interval = 10, timeUnit = TimeUnit.MINUTES))
@GradualRetry(maxAttempts = 1000, initialInterval = 1000, intervalMultiplier = 2, maxInterval = 60_000)
public class CollectivityReconciler implements Reconciler<Collectivity>, Cleaner<Collectivity> {

    public static final String NAME = "collectivity";
    public static final String FINALIZER = "platform.ent.fr/collectivity-cleanup";
    /** How often a provisioning in progress is looked at again. */
    static final Duration PROVISIONING_POLL = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(CollectivityReconciler.class);

    private final TenantManagerClient tenantManager;
    private final TenantObjects objects;
    private final StatusReport report;
    private final FailedProvisioning failed;
    /** null when no sovereignty policy is configured: no Compliant condition. */
    private final CollectivityCompliance compliance;
    /** null when no Prometheus is configured: no SLAMet condition. */
    private final CollectivitySla sla;
    private final Conditions conditions = Conditions.system();

    public CollectivityReconciler(TenantManagerClient tenantManager, TenantObjectSettings settings,
            KubernetesClient client, CollectivityCompliance compliance, CollectivitySla sla) {
        this.tenantManager = tenantManager;
        this.compliance = compliance;
        this.sla = sla;
        this.objects = new TenantObjects(settings);
        this.report = new StatusReport(Conditions.system(), new EventRecorder(client));
        this.failed = new FailedProvisioning(tenantManager);
    }

    @Override
    public UpdateControl<Collectivity> reconcile(Collectivity c, Context<Collectivity> context) {
        if (Pause.isPaused(c)) {
            LOG.info("collectivity {}/{} paused by annotation {}", c.getMetadata().getNamespace(),
                    c.getMetadata().getName(), Pause.ANNOTATION);
            return UpdateControl.noUpdate();
        }
        List<String> problems = problems(c, context);
        if (!problems.isEmpty()) {
            report.write(c, Phase.Invalid, false, false, "InvalidSpec", String.join(" ", problems), "InvalidSpec");
            return UpdateControl.patchStatus(c);
        }
        if (compliance != null) {
            assessCompliance(c);
        }
        if (sla != null) {
            assessSla(c);
        }
        UpdateControl<Collectivity> control = reconcileTenant(c, context);
        // come back within the interval even without any event, so that the conditions follow the cluster (a node
        // added in another region, the SLA figures of the last minute); a shorter reschedule already asked for
        // (provisioning poll) is kept
        Duration every = periodic();
        return every == null || control.getScheduleDelay().isPresent() ? control : control.rescheduleAfter(every);
    }

    private Duration periodic() {
        if (compliance == null) {
            return sla == null ? null : sla.refresh();
        }
        return sla == null || compliance.interval().compareTo(sla.refresh()) < 0 ? compliance.interval() : sla.refresh();
    }

    /**
     * The SLAMet condition and status.sla from Prometheus, at most once per refresh interval. Prometheus being
     * unreachable is not an error of the collectivity: SLAMet becomes Unknown and the last figures stay.
     */
    private void assessSla(Collectivity c) {
        CollectivityStatus status = c.getStatus() == null ? new CollectivityStatus() : c.getStatus();
        c.setStatus(status);
        String slug = c.getSpec().getSlug();
        if (!sla.due(slug) && Conditions.find(status, ConditionType.SLAMet).isPresent()) {
            return;
        }
        SlaOutcome outcome = sla.assess(slug, c.getSpec().getPlan(), status.getSla());
        status.setSla(outcome.sla());
        long generation = c.getMetadata().getGeneration() == null ? 0 : c.getMetadata().getGeneration();
        boolean hadCondition = Conditions.find(status, ConditionType.SLAMet).isPresent();
        if (conditions.set(status, generation, ConditionType.SLAMet, outcome.status(), outcome.reason(),
                outcome.message()) && (hadCondition || !"True".equals(outcome.status()))) {
            if ("False".equals(outcome.status()) || SlaOutcome.PROMETHEUS_UNAVAILABLE.equals(outcome.reason())) {
                report.events().warning(c, outcome.reason(), outcome.message());
            } else {
                report.events().normal(c, outcome.reason(), outcome.message());
            }
        }
    }

    /**
     * The Compliant condition, written with whatever status this reconciliation patches; a transition is also an
     * Event, so that a collectivity becoming non-compliant shows in {@code kubectl get events}.
     */
    private void assessCompliance(Collectivity c) {
        ComplianceOutcome outcome = compliance.assess(c.getMetadata().getNamespace(), c.getMetadata().getName(),
                c.getSpec().getSlug(), c.getSpec().getDataResidency());
        CollectivityStatus status = c.getStatus() == null ? new CollectivityStatus() : c.getStatus();
        c.setStatus(status);
        long generation = c.getMetadata().getGeneration() == null ? 0 : c.getMetadata().getGeneration();
        boolean hadCondition = Conditions.find(status, ConditionType.Compliant).isPresent();
        if (conditions.set(status, generation, ConditionType.Compliant, outcome.compliant(), outcome.reason(),
                outcome.message()) && (hadCondition || !outcome.compliant())) {
            if (outcome.compliant()) {
                report.events().normal(c, outcome.reason(), outcome.message());
            } else {
                report.events().warning(c, outcome.reason(), outcome.message());
            }
        }
    }

    private UpdateControl<Collectivity> reconcileTenant(Collectivity c, Context<Collectivity> context) {
        CollectivityView tenant = tenantManager.find(c.getSpec().getSlug()).orElse(null);
        if (tenant == null) {
            try {
                tenant = tenantManager.create(new CollectivityRequest(c.getSpec().getSlug(), c.getSpec().getKind(),
                        c.getSpec().getDisplayName(), c.getSpec().getDomains(), c.getSpec().getPlan()));
                LOG.info("tenant={} provisioning requested by {}/{}", tenant.slug(), c.getMetadata().getNamespace(),
                        c.getMetadata().getName());
            } catch (TenantManagerProblem refused) {
                // slug-taken right after a 404: it was created in between (a request of ours that timed out but
                // went through): follow it rather than report a conflict with ourselves
                Optional<CollectivityView> raced = "slug-taken".equals(refused.code())
                        ? tenantManager.find(c.getSpec().getSlug()) : Optional.empty();
                if (raced.isEmpty()) {
                    report.write(c, Phase.Invalid, false, false, reasonOf(refused), explain(refused),
                            reasonOf(refused));
                    return UpdateControl.patchStatus(c);
                }
                tenant = raced.get();
            }
        }
        return converge(c, tenant, context.getClient());
    }

    private UpdateControl<Collectivity> converge(Collectivity c, CollectivityView tenant, KubernetesClient client) {
        CollectivityStatus status = c.getStatus() == null ? new CollectivityStatus() : c.getStatus();
        c.setStatus(status);
        status.setTenantState(tenant.state().name());
        status.setSchema(tenant.schema());
        switch (tenant.state()) {
            case REQUESTED, PROVISIONING -> {
                ProvisioningView progress = tenantManager.provisioning(tenant.slug());
                status.setProvisioning(progress.stepsDone() + "/" + progress.stepsTotal());
                report.write(c, Phase.Provisioning, false, false, "Provisioning", "provisioning " + tenant.schema()
                        + ": " + progress.stepsDone() + "/" + progress.stepsTotal() + " steps done", null);
                return UpdateControl.patchStatus(c).rescheduleAfter(PROVISIONING_POLL);
            }
            case FAILED -> {
                return failed.handle(c, tenant, report);
            }
            case DELETED -> {
                report.write(c, Phase.Invalid, false, false, "TenantDeleted", "collectivity \"" + tenant.slug()
                        + "\" was deleted in tenant-manager outside this resource; its slug stays reserved: delete "
                        + "this resource or use another slug.", "TenantDeleted");
                return UpdateControl.patchStatus(c);
            }
            default -> {
                CollectivityView now = applyLifecycle(c, tenant);
                status.setProvisioningRetries(null);
                return ready(c, now, client);
            }
        }
    }

    /** suspend / resume / archive as the spec asks; each call is guarded by the state just read. */
    private CollectivityView applyLifecycle(Collectivity c, CollectivityView tenant) {
        CollectivitySpec spec = c.getSpec();
        if (spec.isArchived() && !tenant.is(TenantState.ARCHIVED)) {
            return tenantManager.archive(tenant.slug());
        }
        if (spec.isSuspended() && tenant.is(TenantState.ACTIVE)) {
            return tenantManager.suspend(tenant.slug());
        }
        if (!spec.isSuspended() && !spec.isArchived() && tenant.is(TenantState.SUSPENDED)) {
            return tenantManager.resume(tenant.slug());
        }
        return tenant;
    }

    private UpdateControl<Collectivity> ready(Collectivity c, CollectivityView tenant, KubernetesClient client) {
        if (!describedAsSpec(c.getSpec(), tenant) && !tenant.is(TenantState.ARCHIVED)) {
            try {
                tenant = tenantManager.change(tenant.slug(), new CollectivityRequest(tenant.slug(),
                        c.getSpec().getKind(), c.getSpec().getDisplayName(), c.getSpec().getDomains(), c.getSpec().getPlan()));
            } catch (TenantManagerProblem refused) {
                // e.g. a new domain owned by another collectivity: nothing changed in tenant-manager
                report.write(c, Phase.Invalid, true, false, reasonOf(refused), explain(refused), reasonOf(refused));
                return UpdateControl.patchStatus(c);
            }
        }
        if (!tenant.is(TenantState.ARCHIVED)) {
            try {
                applyApps(c.getSpec(), tenant);
                applyAccounts(c.getSpec(), tenant);
            } catch (TenantManagerProblem refused) {
                // an app this platform does not have, accounts in a directory the platform cannot read or back to
                // Keycloak: the rest of the collectivity is as the spec says
                report.write(c, Phase.Invalid, true, false, reasonOf(refused), explain(refused), reasonOf(refused));
                return UpdateControl.patchStatus(c);
            }
        }
        CollectivityStatus status = c.getStatus();
        status.setTenantState(tenant.state().name());
        status.setSchemaVersion(tenant.schemaVersion());
        status.setServedDomains(tenant.domains());
        status.setProvisioning(null);
        KubeApply.apply(client, objects.settings(c, tenant), ConfigMap::getData);
        KubeApply.apply(client, objects.ingress(c, tenant), Ingress::getSpec);
        KubeApply.apply(client, objects.networkPolicy(c, tenant), NetworkPolicy::getSpec);

        Phase phase = switch (tenant.state()) {
            case SUSPENDED -> Phase.Suspended;
            case ARCHIVED -> Phase.Archived;
            default -> Phase.Ready;
        };
        List<String> unapplied = unapplied(c.getSpec(), tenant);
        String message = "collectivity " + tenant.slug() + " is " + tenant.state() + " (schema " + tenant.schema()
                + (tenant.schemaVersion() == null ? "" : " v" + tenant.schemaVersion()) + ")";
        if (!unapplied.isEmpty()) {
            message = message + "; not applied: " + String.join("; ", unapplied);
        }
        report.write(c, phase, true, true, phase.name(), message, unapplied.isEmpty() ? null : "SpecNotApplied");
        return UpdateControl.patchStatus(c);
    }

    /** Whether tenant-manager already has the display name, kind and domains the spec asks for. */
    private static boolean describedAsSpec(CollectivitySpec spec, CollectivityView tenant) {
        return spec.getDisplayName().equals(tenant.displayName())
                && CollectivityKind.parse(spec.getKind()) == CollectivityKind.parse(tenant.kind())
                && new HashSet<>(spec.getDomains()).equals(new HashSet<>(tenant.domains()))
                && java.util.Objects.equals(spec.getPlan(), tenant.plan());
    }

    /** What the spec asks that cannot be done: an archived collectivity cannot come back, nor be changed. */
    /**
     * spec.enabledApps: empty = every app of the platform (tenant-manager's null), else exactly those. Written only
     * when tenant-manager differs, so that a steady reconciliation makes no call but the read.
     */
    private void applyApps(CollectivitySpec spec, CollectivityView tenant) {
        List<String> wanted = spec.getEnabledApps().isEmpty() ? null
                : spec.getEnabledApps().stream().distinct().sorted().toList();
        CollectivityAppsView now = tenantManager.apps(tenant.slug());
        List<String> current = now.enabled() == null ? null : now.enabled().stream().sorted().toList();
        if (!java.util.Objects.equals(wanted, current)) {
            tenantManager.setApps(tenant.slug(), wanted);
            LOG.info("tenant={} apps set to {}", tenant.slug(), wanted == null ? "all" : wanted);
        }
    }

    /**
     * spec.accounts, when set: asked of tenant-manager only when it differs, so that a steady reconciliation makes no
     * call but the read (and none at all without the field). tenant-manager refuses what it cannot do.
     */
    private void applyAccounts(CollectivitySpec spec, CollectivityView tenant) {
        if (spec.getAccounts() == null) {
            return;
        }
        if (!spec.getAccounts().equals(tenantManager.accountStorage(tenant.slug()).storage())) {
            tenantManager.setAccountStorage(tenant.slug(), spec.getAccounts());
            LOG.info("tenant={} new accounts made in {} from now on", tenant.slug(), spec.getAccounts());
        }
    }

    private static List<String> unapplied(CollectivitySpec spec, CollectivityView tenant) {
        List<String> unapplied = new ArrayList<>();
        if (!spec.isArchived() && tenant.is(TenantState.ARCHIVED)) {
            unapplied.add("archived=false (archiving is final)");
        }
        if (tenant.is(TenantState.ARCHIVED) && !describedAsSpec(spec, tenant)) {
            unapplied.add("displayName/kind/domains (an archived collectivity is not changed)");
        }
        return unapplied;
    }

    @Override
    public ErrorStatusUpdateControl<Collectivity> updateErrorStatus(Collectivity c, Context<Collectivity> context,
            Exception e) {
        int attempt = context.getRetryInfo().map(r -> r.getAttemptCount()).orElse(1);
        TenantManagerUnavailable unavailable = causeOfType(e, TenantManagerUnavailable.class);
        if (unavailable != null) {
            report.error(c, "TenantManagerUnavailable", unavailable.getMessage() + " (attempt " + attempt
                    + ", retrying with backoff)");
        } else {
            LOG.warn("collectivity {}/{}: reconciliation failed", c.getMetadata().getNamespace(),
                    c.getMetadata().getName(), e);
            Throwable cause = e.getCause() != null && e instanceof io.javaoperatorsdk.operator.OperatorException
                    ? e.getCause() : e;
            report.error(c, "ReconcileError", cause.getClass().getSimpleName() + ": " + cause.getMessage() + " (attempt "
                    + attempt + ", retrying with backoff)");
        }
        return ErrorStatusUpdateControl.patchStatus(c);
    }

    /** JOSDK hands the reconciler's exception over wrapped (OperatorException): look down the causes. */
    private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    @Override
    public DeleteControl cleanup(Collectivity c, Context<Collectivity> context) {
        boolean ownsTenant = SpecCheck.slugIsValid(c.getSpec().getSlug())
                && Ownership.ownsSlug(c, context.getPrimaryCache().list());
        return new Cleanup(tenantManager, report).run(c, context, ownsTenant);
    }

    private static List<String> problems(Collectivity c, Context<Collectivity> context) {
        List<String> problems = new ArrayList<>(SpecCheck.problems(c.getSpec()));
        problems.addAll(Ownership.conflicts(c, context.getPrimaryCache().list()));
        return problems;
    }

    private static String reasonOf(TenantManagerProblem p) {
        return switch (p.code()) {
            case "domain-taken" -> "DomainTaken";
            case "invalid-input" -> "InvalidSpec";
            case "unknown-apps" -> "UnknownApps";
            case "directory-accounts-unavailable", "account-storage-one-way" -> "AccountsNotSwitched";
            default -> "Refused";
        };
    }

    private static String explain(TenantManagerProblem p) {
        StringBuilder text = new StringBuilder("tenant-manager refused the collectivity: ").append(p.detail());
        p.errors().stream().filter(e -> !p.detail().contains(e.message()))
                .forEach(e -> text.append(" ").append(e.field()).append(": ").append(e.message()));
        return text.toString();
    }
}
