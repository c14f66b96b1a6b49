package fr.ent.platform.apps.console.service;

import fr.ent.platform.apps.console.scope.ConsoleScope;
import fr.ent.platform.apps.console.tenantmanager.RemoteProblem;
import fr.ent.platform.apps.console.tenantmanager.TenantManagerChannel;
import fr.ent.platform.problem.DependencyFailed;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.runtime.security.login.PortalSession;
import fr.ent.platform.runtime.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The service the collectivity gets, as its SUPER_ADMIN reads it in the console: tenant-manager's monthly SLA report
 * ({@code GET /collectivities/<this one>/sla-report}, computed from Prometheus) as figures for this month, and the
 * report of a month as tenant-manager renders it (HTML page or PDF) for download; the compliance report as PDF.
 * Through the channel with the administrator's own token (ADR 0021). Without Prometheus tenant-manager answers 503
 * {@code prometheus-not-configured} (or {@code prometheus-unavailable}): the page says so in plain words rather than
 * failing. A local administrator gets 403: these are the collectivity's reports.
 */
@ApplicationScoped
public class ConsoleService {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Pattern MONTH = Pattern.compile("^[0-9]{4}-(0[1-9]|1[0-2])$");
    /** How many months the page offers reports of, this one included. */
    static final int MONTHS = 3;

    @Inject
    TenantManagerChannel tenantManager;

    private final Clock clock = Clock.systemUTC();

    /** This month's figures, or why there are none (tenant-manager's problem: no Prometheus, Prometheus down). */
    public record Status(Optional<SlaSummary> sla, Optional<RemoteProblem> unavailable, List<String> months) {
    }

    public Status status(ConsoleScope scope, Tenant tenant, PortalSession session, Locale locale) {
        require(scope);
        TenantManagerChannel.Raw answer = tenantManager.exchange(tenant, session, "GET", "sla-report",
                "application/json", locale, null, null);
        List<String> months = months(YearMonth.now(clock.withZone(PARIS)));
        if (answer.status() == 200) {
            return new Status(Optional.of(SlaSummary.parse(answer.text())), Optional.empty(), months);
        }
        if (answer.status() == 503) {
            return new Status(Optional.empty(), Optional.of(RemoteProblem.of(answer).orElse(
                    new RemoteProblem(503, "tenant-manager-unavailable", "", ""))), months);
        }
        throw new DependencyFailed("tenant-manager-failed");
    }

    /** A downloadable report. */
    public enum Format {
        HTML("text/html"), PDF("application/pdf");

        final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }

        public static Format of(String text) {
            return "pdf".equalsIgnoreCase(text) ? PDF : HTML;
        }
    }

    /**
     * The monthly report of {@code month} ({@code YYYY-MM}, this month when absent) as tenant-manager renders it in
     * the reader's language: 200 with the document, or 503 with tenant-manager's problem (no Prometheus).
     */
    public TenantManagerChannel.Raw slaReport(ConsoleScope scope, Tenant tenant, PortalSession session, String month,
            Format format, Locale locale) {
        require(scope);
        String what = "sla-report";
        if (month != null && !month.isBlank()) {
            if (!MONTH.matcher(month.strip()).matches()) {
                throw new InvalidInput("sla-report-month", month);
            }
            what += "?month=" + month.strip();
        }
        return checked(tenantManager.exchange(tenant, session, "GET", what, format.mediaType, locale, null, null),
                month);
    }

    /** The compliance report as PDF, in the reader's language. */
    public TenantManagerChannel.Raw compliancePdf(ConsoleScope scope, Tenant tenant, PortalSession session,
            Locale locale) {
        require(scope);
        return checked(tenantManager.exchange(tenant, session, "GET", "compliance-report", "application/pdf",
                locale, null, null), null);
    }

    /** This month and the ones before it, latest first ({@code 2026-12}, {@code 2026-11}...). Pure. */
    static List<String> months(YearMonth now) {
        return IntStream.range(0, MONTHS).mapToObj(i -> now.minusMonths(i).toString()).toList();
    }

    private static TenantManagerChannel.Raw checked(TenantManagerChannel.Raw answer, String month) {
        if (answer.status() == 200 || answer.status() == 503) {
            return answer;
        }
        if (answer.status() == 400) {
            // a month tenant-manager refuses (one to come)
            throw new InvalidInput("sla-report-month", String.valueOf(month));
        }
        throw new DependencyFailed("tenant-manager-failed");
    }

    private static void require(ConsoleScope scope) {
        if (!scope.readsCollectivityReports()) {
            throw new NotAllowed("forbidden");
        }
    }
}
