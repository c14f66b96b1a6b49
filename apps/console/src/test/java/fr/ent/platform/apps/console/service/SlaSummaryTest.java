package fr.ent.platform.apps.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.apps.console.tenantmanager.RemoteProblem;
import fr.ent.platform.apps.console.tenantmanager.TenantManagerChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** tenant-manager's SLA report and its refusal as the console's service page reads them. */
class SlaSummaryTest {

    @Test
    void the_months_figures_and_incidents_are_read_from_the_reports_json() {
        SlaSummary s = SlaSummary.parse("""
                {"slug":"lyon","displayName":"Lyon","plan":"standard","targetPercent":"99.8","month":"2026-12",
                 "from":"2026-11-30T23:00:00Z","to":"2026-12-04T17:00:00Z","complete":false,
                 "figures":{"availabilityPercent":99.9583,"measuredMinutes":5000,"minutesWithoutData":40,
                  "budgetMinutes":89.28,"budgetUsedMinutes":2.1,"budgetUsedPercent":2.35,"budgetRemainingMinutes":87.18,
                  "objectiveMet":true,"incidents":[{"start":"2026-12-02T06:00:00Z","end":"2026-12-02T06:10:00Z",
                  "durationMinutes":10,"budgetMinutes":1.5,"peakErrorRatePercent":30,"peakBurnRate":150}]},
                 "probes":[],"incidentRule":"r","generatedAt":"2026-12-04T17:01:00Z"}""");
        assertThat(s.month()).isEqualTo("2026-12");
        assertThat(s.availabilityPercent()).isEqualTo(99.9583);
        assertThat(s.budgetRemainingMinutes()).isEqualTo(87.18);
        assertThat(s.objectiveMet()).isTrue();
        assertThat(s.incidents()).hasSize(1);
        assertThat(s.incidents().get(0).start()).isEqualTo(Instant.parse("2026-12-02T06:00:00Z"));
        assertThat(Formats.number(s.availabilityPercent(), 3, Locale.FRENCH)).isEqualTo("99,958");
    }

    @Test
    void a_month_without_data_has_no_availability_and_no_verdict() {
        SlaSummary s = SlaSummary.parse("""
                {"plan":"standard","targetPercent":"99.8","month":"2026-12","complete":false,
                 "from":"2026-11-30T23:00:00Z","to":"2026-12-04T17:00:00Z",
                 "figures":{"availabilityPercent":null,"budgetMinutes":89.28,"objectiveMet":null,"incidents":[]}}""");
        assertThat(s.availabilityPercent()).isNull();
        assertThat(s.objectiveMet()).isNull();
        assertThat(s.incidents()).isEmpty();
    }

    @Test
    void without_prometheus_the_problem_says_why() {
        TenantManagerChannel.Raw answer = new TenantManagerChannel.Raw(503, "application/problem+json", """
                {"type":"urn:ent:problem:prometheus-not-configured","title":"Mesures de disponibilité non configurées",
                 "status":503,"detail":"Le rapport ne peut pas être établi."}""".getBytes(StandardCharsets.UTF_8));
        assertThat(RemoteProblem.of(answer)).contains(new RemoteProblem(503, "prometheus-not-configured",
                "Mesures de disponibilité non configurées", "Le rapport ne peut pas être établi."));
        assertThat(RemoteProblem.of(new TenantManagerChannel.Raw(502, "text/html", "<html>".getBytes(
                StandardCharsets.UTF_8)))).isEmpty();
        assertThat(RemoteProblem.of(new TenantManagerChannel.Raw(200, "application/json", "{}".getBytes(
                StandardCharsets.UTF_8)))).isEmpty();
    }

    @Test
    void the_page_offers_this_months_report_and_the_two_before() {
        assertThat(ConsoleService.months(YearMonth.of(2027, 1))).containsExactly("2027-01", "2026-12", "2026-11");
    }
}
