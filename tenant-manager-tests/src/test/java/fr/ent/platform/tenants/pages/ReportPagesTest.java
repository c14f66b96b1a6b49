package fr.ent.platform.tenants.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import fr.ent.platform.tenants.compliance.CollectivityReport;
import fr.ent.platform.tenants.compliance.ReportHtml;
import fr.ent.platform.tenants.compliance.ReportLine;
import fr.ent.platform.tenants.compliance.ReportPdf;
import fr.ent.platform.tenants.sla.Incident;
import fr.ent.platform.tenants.sla.MonthlyFigures;
import fr.ent.platform.tenants.sla.ProbeAvailability;
import fr.ent.platform.tenants.sla.SlaReport;
import fr.ent.platform.tenants.sla.SlaReportHtml;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The report pages rendered from their templates, without a server: data is escaped wherever it lands, the
 * compliance page stays well-formed XHTML (the PDF is rendered from it), and the reader's language is honoured.
 */
class ReportPagesTest {

    /** A collectivity whose display name tries to inject a script (names are typed by platform operators). */
    private static final String HOSTILE = "Ville <script>alert('x')</script> & \"Cie\"";
    private static final PageText FRENCH = PageText.of(Locale.FRENCH);
    private static final PageText ENGLISH = PageText.of(Locale.ENGLISH);
    private static final PageText SPANISH = PageText.of(Locale.of("es"));

    private static SlaReport sla(String displayName) {
        Incident incident = new Incident(Instant.parse("2026-10-14T06:00:00Z"), Instant.parse("2026-10-14T06:30:00Z"),
                30, 15, 50, 250);
        MonthlyFigures figures = new MonthlyFigures(99.95812, 44580, 60, 89.4, 37.3, 41.72, 52.1, true,
                List.of(incident));
        return new SlaReport("lyon", displayName, "standard", "99.8", "2026-10",
                Instant.parse("2026-09-30T22:00:00Z"), Instant.parse("2026-10-31T23:00:00Z"), true, figures,
                List.of(new ProbeAvailability("portal", 99.93), new ProbeAvailability("<b>probe</b>", 12.5)),
                "rule", Instant.parse("2026-11-02T08:00:00Z"));
    }

    private static CollectivityReport compliance(String displayName) {
        return new CollectivityReport("lyon", displayName, "FR", Instant.parse("2026-11-28T09:30:00Z"),
                Instant.parse("2026-11-28T09:00:00Z"), CollectivityReport.SUMMARY_VIOLATED, List.of(
                        new ReportLine("SNC-REGION-COMPUTE", "Calcul en France <ou UE>", ReportLine.VIOLATED,
                                "bloquante", "collectivité", "nœud <img src=x onerror=alert(1)> en us-east-1",
                                "Retirer le nœud & drainer", List.of("SecNumCloud 3.2 <§19.6>")),
                        new ReportLine("CNIL-LOG-RETENTION", "Conservation des journaux", ReportLine.WARNING,
                                "avertissement", "plateforme", "30 jours", null, List.of("CNIL"))));
    }

    @Test
    void aCollectivityNameWithAScriptIsEscapedInBothReports() throws Exception {
        for (PageText text : List.of(FRENCH, ENGLISH, SPANISH)) {
            String sla = SlaReportHtml.render(sla(HOSTILE), text);
            String compliance = ReportHtml.render(compliance(HOSTILE), text);

            for (String page : List.of(sla, compliance)) {
                assertThat(page).as(text.lang()).startsWith("<!DOCTYPE html>\n<html ")
                        .doesNotContain("<script", "<img", "<b>", "<ou UE>", "<§")
                        .contains("Ville &lt;script&gt;alert(")
                        .contains("&lt;/script&gt; &amp; ");
            }
            assertThat(compliance).contains("nœud &lt;img src=x onerror=alert(1)&gt; en us-east-1",
                    "Retirer le nœud &amp; drainer");
            assertThat(sla).contains("&lt;b&gt;probe&lt;/b&gt;");
            wellFormedXml(compliance);
        }
    }

    @Test
    void theCompliancePdfShowsTheNameAsText() throws IOException {
        byte[] pdf = ReportPdf.render(compliance(HOSTILE));

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getDocumentInformation().getTitle()).contains(HOSTILE);
            assertThat(new PDFTextStripper().getText(doc)).contains("<script>alert('x')</script>",
                    "Rapport de conformité", "non conforme");
        }
    }

    @Test
    void theReaderGetsFrenchEnglishOrSpanishFrenchByDefault() {
        assertThat(PageText.negotiate(List.of(Locale.forLanguageTag("en-GB"), Locale.FRENCH)).lang()).isEqualTo("en");
        assertThat(PageText.negotiate(List.of(Locale.GERMAN, Locale.forLanguageTag("es-MX"))).lang()).isEqualTo("es");
        assertThat(PageText.negotiate(List.of(Locale.GERMAN)).lang()).isEqualTo("fr");
        // JAX-RS gives "*" when the request has no Accept-Language
        assertThat(PageText.negotiate(List.of(Locale.forLanguageTag("*"))).lang()).isEqualTo("fr");
        assertThat(PageText.negotiate(List.of()).lang()).isEqualTo("fr");
        assertThat(PageText.of(Locale.CHINESE).lang()).isEqualTo("fr");
    }

    @Test
    void bothReportsSpeakEnglishAndSpanish() throws Exception {
        String en = SlaReportHtml.render(sla("Lyon"), ENGLISH);
        assertThat(en).contains("<html lang=\"en\">", "Objective met.", "<th scope=\"col\">Start</th>",
                "14 October 2026 at 08:00 (+02:00)", "99.958%", "89.4 minutes", "portal home page (portal)");
        String es = SlaReportHtml.render(sla("Lyon"), SPANISH);
        assertThat(es).contains("<html lang=\"es\">", "Objetivo cumplido.", "14 de octubre de 2026, 08:00 (+02:00)",
                "99,958 %", "89,4 minutos");

        String complianceEn = ReportHtml.render(compliance("Lyon"), ENGLISH);
        assertThat(complianceEn).contains("lang=\"en\" xml:lang=\"en\"", "<th scope=\"col\">Status</th>",
                ">✗ </span>non-compliant</td>", "severity blocking, scope collectivity", "France (FR)",
                "<strong>non-compliant</strong> — 0 compliant, 1 non-compliant, 1 warning(s), 0 not evaluable, out of 2",
                "those of the catalogue, in French");
        String complianceEs = ReportHtml.render(compliance("Lyon"), SPANISH);
        assertThat(complianceEs).contains("lang=\"es\" xml:lang=\"es\"", "Francia (FR)", ">! </span>advertencia</td>",
                "28 de noviembre de 2026, 10:30 (+01:00)");
        wellFormedXml(complianceEn);
        wellFormedXml(complianceEs);
        try (PDDocument doc = Loader.loadPDF(ReportPdf.render(compliance("Lyon"), SPANISH))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Informe de conformidad", "no conforme");
        }
    }

    @Test
    void theFrenchPageHasNoTranslatorsNote() {
        assertThat(ReportHtml.render(compliance("Lyon"))).doesNotContain(FRENCH.lookup(
                "compliance.reading.catalogueLanguage"));
    }

    @Test
    void everyLanguageHasEveryWord() throws IOException {
        Properties french = bundle("");
        for (String language : List.of("_en", "_es")) {
            assertThat(bundle(language).stringPropertyNames()).as(language)
                    .containsExactlyInAnyOrderElementsOf(french.stringPropertyNames());
        }
    }

    private static Properties bundle(String suffix) throws IOException {
        Properties properties = new Properties();
        String name = "/" + PageText.BUNDLE.replace('.', '/') + suffix + ".properties";
        try (var in = ReportPagesTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    /** openhtmltopdf reads the page as XML: it must parse as such. */
    private static void wellFormedXml(String page) {
        assertThatCode(() -> DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)))).doesNotThrowAnyException();
    }
}
