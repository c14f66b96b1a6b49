package fr.ent.platform.tenants;

import fr.ent.platform.tenants.identity.IdentityRealms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.problem.DomainException;
import fr.ent.platform.problem.ProblemStatuses;
import fr.ent.platform.sovereignty.inventory.CollectivityResidency;
import fr.ent.platform.sovereignty.inventory.ContainerImage;
import fr.ent.platform.sovereignty.inventory.IngressTls;
import fr.ent.platform.sovereignty.inventory.Inventory;
import fr.ent.platform.sovereignty.inventory.InventorySnapshot;
import fr.ent.platform.sovereignty.inventory.Node;
import fr.ent.platform.sovereignty.inventory.PersistentVolume;
import fr.ent.platform.sovereignty.inventory.PersistentVolume.Purpose;
import fr.ent.platform.sovereignty.inventory.PlatformSettings;
import fr.ent.platform.sovereignty.inventory.Residency;
import fr.ent.platform.sovereignty.inventory.StorageClass;
import fr.ent.platform.tenants.compliance.CollectivityReport;
import fr.ent.platform.tenants.compliance.ComplianceReporter;
import fr.ent.platform.tenants.compliance.InventoryStore;
import fr.ent.platform.tenants.compliance.ReportHtml;
import fr.ent.platform.tenants.compliance.ReportLine;
import fr.ent.platform.tenants.compliance.ReportPdf;
import fr.ent.platform.tenants.lifecycle.CollectivityService;
import fr.ent.platform.tenants.provisioning.Provisioner;
import fr.ent.platform.tenants.provisioning.StepGuard;
import fr.ent.platform.tenants.provisioning.TenantDatabase;
import fr.ent.platform.tenants.registry.CollectivityRepository;
import fr.ent.platform.tenants.registry.NewCollectivity;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compliance report over a real registry (embedded PostgreSQL): what it says, how a change of inventory or of
 * configuration flips the right rule, and that a collectivity's report never names another one.
 */
class ComplianceReportTest {

    private final DataSource db = EmbeddedDatabase.dataSource();
    private final CollectivityRepository registry = new CollectivityRepository(db);
    private final TenantDatabase database = new TenantDatabase(db, Optional.empty());
    private final IdentityRealms realms = TestKeycloak.realms();
    private final CollectivityService service = new CollectivityService(registry,
            new Provisioner(db, registry, database, realms, StepGuard.NONE,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry()), database, realms, Runnable::run);
    private final InventoryStore store = new InventoryStore();
    private final Map<String, String> config = new HashMap<>();
    private final ComplianceReporter reporter = new ComplianceReporter(service, store,
            k -> Optional.ofNullable(config.get(k)), Clock.fixed(Instant.parse("2026-11-28T09:30:00Z"), ZoneOffset.UTC));

    // Provisioned once for the class (schema, every app's migrations, realm: seconds each); no test changes them.
    private static String a;
    private static String b;

    @BeforeEach
    void twoCollectivitiesAndACompliantPlatform() {
        if (a == null) {
            a = slug("conf-a");
            b = slug("conf-b");
            service.create(NewCollectivity.of(a, "commune", "Ville de " + a, List.of(a + ".ent.example.fr")));
            service.create(NewCollectivity.of(b, "region", "Région " + b, List.of(b + ".ent.example.fr")));
        }
        config.put("ent.sovereignty.regions.fr", "fr-par,fr-mrs");
        config.put("ent.sovereignty.regions.eu", "de-fra");
        config.put("ent.sovereignty.registries.allowed", "harbor.ent.example.fr");
        config.put("ent.egress.allowed-hosts", "llm.ia.example.fr");
        config.put("ent.egress.ai.url", "https://llm.ia.example.fr/v1");
        config.put("ent.egress.ai.region", "fr-par");
        config.put("ent.admin.mfa.required", "true");
        config.put("ent.logs.retention.days", "365");
        config.put("ent.accounts.deletion.delay.days", "90");
        config.put("ent.tenant.export.available", "true");
    }

    private Inventory cluster() {
        return new Inventory(
                List.of(new Node("node-par-1", "fr-par", "fr-par-1", "ovhcloud")),
                List.of(new StorageClass("chiffre", "csi.example.fr", Map.of("encrypted", "true"), true)),
                List.of(new PersistentVolume("pv-postgres", "chiffre", "fr-par", "ent", "data-postgres-0", null,
                                Purpose.DATA),
                        new PersistentVolume("pv-backups", "chiffre", "fr-mrs", "ent", "backups", null, Purpose.BACKUP),
                        // the other collectivity's own volume, in Germany (its residency is EU) and unencrypted
                        new PersistentVolume("pv-" + b + "-fichiers", null, "de-fra", "ent", b + "-fichiers", b,
                                Purpose.DATA)),
                List.of(new ContainerImage("ent", "ent-runtime-0", "runtime", "harbor.ent.example.fr/ent/runtime:1")),
                List.of(new IngressTls("ent", "ent-" + a, List.of(a + ".ent.example.fr"), List.of(a + ".ent.example.fr")),
                        new IngressTls("ent", "ent-" + b, List.of(b + ".ent.example.fr"), List.of())),
                List.of(), PlatformSettings.unconfigured(),
                List.of(new CollectivityResidency("ent", a, a, Residency.FR),
                        new CollectivityResidency("ent", b, b, Residency.EU)));
    }

    private void push(Inventory inventory, String at) {
        store.put(new InventorySnapshot(Instant.parse(at), inventory), Instant.parse(at).plusSeconds(1));
    }

    private static ReportLine line(CollectivityReport report, String rule) {
        return report.lines().stream().filter(l -> l.rule().equals(rule)).findFirst().orElseThrow();
    }

    @Test
    void aCompliantPlatformGivesEveryRuleWithItsEvidenceAndSources() {
        push(cluster(), "2026-11-28T09:00:00Z");

        CollectivityReport report = reporter.report(a);

        assertThat(report.displayName()).isEqualTo("Ville de " + a);
        assertThat(report.residency()).isEqualTo("FR");
        assertThat(report.lines()).hasSize(14);
        assertThat(report.lines()).allSatisfy(l -> assertThat(l.status()).isEqualTo(ReportLine.COMPLIANT));
        assertThat(report.summary()).isEqualTo("conforme");
        assertThat(line(report, "SNC-REGION-COMPUTE").evidence()).contains("fr-par");
        assertThat(line(report, "GDPR-ART44-TRANSFER").sources()).anySatisfy(s -> assertThat(s).contains("art. 44"));
        assertThat(report.inventoryCollectedAt()).isEqualTo(Instant.parse("2026-11-28T09:00:00Z"));
    }

    @Test
    void aNodeOutsideTheEuInTheNextInventoryFlipsTheComputeRuleOnly() {
        push(cluster(), "2026-11-28T09:00:00Z");
        assertThat(line(reporter.report(a), "SNC-REGION-COMPUTE").status()).isEqualTo(ReportLine.COMPLIANT);

        Inventory withUsNode = cluster().withNodes(List.of(new Node("node-par-1", "fr-par", "fr-par-1", "ovhcloud"),
                new Node("node-virginie", "us-east-1", "us-east-1a", "ovhcloud")));
        push(withUsNode, "2026-11-28T09:05:00Z");
        CollectivityReport report = reporter.report(a);

        ReportLine compute = line(report, "SNC-REGION-COMPUTE");
        assertThat(compute.status()).isEqualTo(ReportLine.VIOLATED);
        assertThat(compute.evidence()).contains("node-virginie", "us-east-1");
        assertThat(compute.fix()).isNotBlank();
        assertThat(report.summary()).isEqualTo("non conforme");
        assertThat(report.lines().stream().filter(l -> !l.status().equals(ReportLine.COMPLIANT)))
                .extracting(ReportLine::rule).containsExactly("SNC-REGION-COMPUTE");

        // an older inventory arriving late does not replace the newer one
        push(cluster(), "2026-11-28T09:01:00Z");
        assertThat(line(reporter.report(a), "SNC-REGION-COMPUTE").status()).isEqualTo(ReportLine.VIOLATED);
    }

    @Test
    void configurationChangesShowInTheNextReport() {
        push(cluster(), "2026-11-28T09:00:00Z");
        config.put("ent.admin.mfa.required", "false");
        config.put("ent.logs.retention.days", "30");

        CollectivityReport report = reporter.report(a);

        assertThat(line(report, "SNC-ADMIN-MFA").status()).isEqualTo(ReportLine.VIOLATED);
        assertThat(line(report, "CNIL-LOG-RETENTION").status()).isEqualTo(ReportLine.WARNING);
        assertThat(line(report, "CNIL-LOG-RETENTION").evidence()).contains("30 jours");
    }

    @Test
    void withoutInventoryTheClusterRulesAreNotEvaluable() {
        CollectivityReport report = reporter.report(a);

        assertThat(report.residency()).isNull();
        assertThat(line(report, "SNC-REGION-DATA").status()).isEqualTo(ReportLine.NOT_EVALUATED);
        assertThat(line(report, "SNC-REGISTRY-ALLOWLIST").evidence()).contains("Aucun inventaire du cluster");
        assertThat(line(report, "SNC-ADMIN-MFA").status()).isEqualTo(ReportLine.COMPLIANT);
        assertThat(report.summary()).isEqualTo("conforme avec réserves");
    }

    @Test
    void withoutPolicyNothingIsShownCompliant() {
        config.remove("ent.sovereignty.regions.fr");
        assertThat(reporter.report(a).lines()).allSatisfy(l -> {
            assertThat(l.status()).isEqualTo(ReportLine.NOT_EVALUATED);
            assertThat(l.evidence()).contains("regions.fr");
        });
        // a report that checked nothing says so in its verdict, never « conforme avec réserves »
        assertThat(reporter.report(a).summary()).isEqualTo("non évaluable");
    }

    @Test
    void anUnknownCollectivityIsA404() {
        assertThatThrownBy(() -> reporter.report("inconnue-" + a))
                .isInstanceOfSatisfying(DomainException.class, p -> {
                    assertThat(ProblemStatuses.status(p)).isEqualTo(404);
                    assertThat(p.code()).isEqualTo("collectivity-not-found");
                });
    }

    @Test
    void theReportOfOneCollectivityNeverNamesAnother() throws IOException {
        push(cluster(), "2026-11-28T09:00:00Z");

        CollectivityReport ofA = reporter.report(a);
        String html = ReportHtml.render(ofA);
        assertThat(html).contains(a).doesNotContain(b);
        assertThat(pdfText(ReportPdf.render(ofA))).doesNotContain(b);
        // B's own report does show its own problems (its unencrypted volume, its Ingress without TLS)
        CollectivityReport ofB = reporter.report(b);
        assertThat(line(ofB, "SNC-ENCRYPTION-AT-REST").evidence()).contains("pv-" + b + "-fichiers");
        assertThat(line(ofB, "SNC-TLS-INGRESS").evidence()).contains(b + ".ent.example.fr");
        assertThat(ReportHtml.render(ofB)).doesNotContain(a);
        assertThat(ofB.residency()).isEqualTo("EU");
    }

    @Test
    void theHtmlIsAnAccessibleFrenchPage() {
        push(cluster().withNodes(List.of(new Node("node-virginie", "us-east-1", null, "ovhcloud"))),
                "2026-11-28T09:00:00Z");
        config.put("ent.logs.retention.days", "30");

        String html = ReportHtml.render(reporter.report(a));

        assertThat(html).contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"fr\"", "<h1>", "<caption>",
                "<th scope=\"col\">Statut</th>", "<th scope=\"row\">", "name=\"viewport\"");
        assertThat(html).contains("SNC-REGION-COMPUTE", "CNIL-LOG-RETENTION", "GDPR-ART28-REVERSIBILITY");
        // statuses in words (not colour only), evidence, fix, residency, date
        assertThat(html).contains(">✗ </span>non conforme</td>", ">! </span>avertissement</td>",
                ">✓ </span>conforme</td>", "node-virginie", "Retirer (cordon puis drain)", "France (FR)",
                "28 novembre 2026 à 10:30 (+01:00)", "Ville de " + a);
        assertThat(html).doesNotContain("<script");
    }

    @Test
    void thePdfCarriesTheSameReport() throws IOException {
        push(cluster().withNodes(List.of(new Node("node-virginie", "us-east-1", null, "ovhcloud"))),
                "2026-11-28T09:00:00Z");

        byte[] pdf = ReportPdf.render(reporter.report(a));

        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text = pdfText(pdf);
        assertThat(text).contains("Rapport de conformité", "Ville de " + a, "Résidence des données", "France (FR)",
                "SNC-REGION-COMPUTE", "non conforme", "node-virginie", "non évaluable", "RGPD", "SecNumCloud",
                "Arrêté du 30 novembre 2006", "28 novembre 2026");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getDocumentInformation().getTitle()).contains("Ville de " + a);
        }
    }

    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // words broken across table cell lines are joined back for the checks
            return new PDFTextStripper().getText(doc).replaceAll("-\\R", "-").replaceAll("\\R", " ")
                    .replaceAll(" +", " ");
        }
    }

    private static String slug(String prefix) {
        return prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

}
