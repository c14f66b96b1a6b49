package fr.ent.platform.operator.collectivity;

import fr.ent.platform.adminapi.CollectivityView;
import fr.ent.platform.operator.tenantmanager.TenantManagerClient;
import fr.ent.platform.operator.tenantmanager.TenantManagerProblem;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A provisioning that tenant-manager reports FAILED (at a named step) is retried through its retry endpoint, which
 * resumes at the failed step, with exponential backoff (10 s, 20 s, 40 s... up to 10 min) so that a lasting cause
 * (database full, a bug) does not turn into a retry storm. The schedule lives in the status, so it survives an
 * operator restart.
 */
final class FailedProvisioning {

    static final Duration FIRST_DELAY = Duration.ofSeconds(10);
    static final Duration MAX_DELAY = Duration.ofMinutes(10);

    private final TenantManagerClient tenantManager;

    FailedProvisioning(TenantManagerClient tenantManager) {
        this.tenantManager = tenantManager;
    }

    UpdateControl<Collectivity> handle(Collectivity c, CollectivityView tenant, StatusReport report) {
        CollectivityStatus status = c.getStatus();
        Instant now = Instant.now();
        String cause = "provisioning failed at step " + tenant.failedStep() + ": " + tenant.failureReason();
        Instant due = status.getNextProvisioningRetry() == null ? now : Instant.parse(status.getNextProvisioningRetry());
        if (!now.isBefore(due)) {
            try {
                tenantManager.retryProvisioning(tenant.slug());
            } catch (TenantManagerProblem raced) {
                // 409: someone (or a previous attempt of ours) already resumed it; the next look tells.
            }
            int retries = status.retries() + 1;
            status.setProvisioningRetries(retries);
            Duration delay = delay(retries);
            status.setNextProvisioningRetry(now.plus(delay).truncatedTo(ChronoUnit.SECONDS).toString());
            report.write(c, Phase.Failed, false, false, "ProvisioningFailed", cause + "; retry " + retries
                    + " requested, next one not before " + status.getNextProvisioningRetry(), "ProvisioningFailed");
            return UpdateControl.patchStatus(c).rescheduleAfter(CollectivityReconciler.PROVISIONING_POLL);
        }
        report.write(c, Phase.Failed, false, false, "ProvisioningFailed", cause + "; next retry at "
                + status.getNextProvisioningRetry(), "ProvisioningFailed");
        return UpdateControl.patchStatus(c).rescheduleAfter(Duration.between(now, due));
    }

    static Duration delay(int retries) {
        long seconds = FIRST_DELAY.toSeconds() << Math.min(retries - 1, 16);
        return seconds > MAX_DELAY.toSeconds() ? MAX_DELAY : Duration.ofSeconds(seconds);
    }
}
