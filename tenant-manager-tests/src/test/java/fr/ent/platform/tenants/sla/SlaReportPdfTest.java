package fr.ent.platform.tenants.sla;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.tenants.pages.PageText;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The monthly report as PDF (the tenant console offers it): rendered from the page's own XHTML, the figures and the
 * verdict as text, in the reader's language, a name with markup kept as text.
 */
class SlaReportPdfTest {

    static SlaReport report(String displayName) {
        Incident incident = new Incident(Instant.parse("2026-10-14T06:00:00Z"), Instant.parse("2026-10-14T06:30:00Z"),
                30, 15, 50, 250);
        MonthlyFigures figures = new MonthlyFigures(99.95812, 44580, 60, 89.28, 37.3, 41.78, 51.98, true,
                List.of(incident));
        return new SlaReport("lyon", displayName, "standard", "99.8", "2026-10",
                Instant.parse("2026-09-30T22:00:00Z"), Instant.parse("2026-10-31T23:00:00Z"), true, figures,
                List.of(new ProbeAvailability("portal", 99.93)), "rule", Instant.parse("2026-11-02T08:00:00Z"));
    }

    @Test
    void thePdfHoldsTheFiguresAndTheVerdictAsText() throws Exception {
        String xhtml = SlaReportHtml.render(report("Ville <b>de</b> Lyon & Cie"), PageText.of(Locale.FRENCH), false);
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xhtml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(xhtml).doesNotContain("✓");

        byte[] pdf = SlaReportPdf.render(report("Ville <b>de</b> Lyon & Cie"), PageText.of(Locale.FRENCH));
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Rapport mensuel de disponibilité", "Ville <b>de</b> Lyon & Cie",
                    "Objectif tenu", "99,958");
        }
        try (PDDocument doc = Loader.loadPDF(SlaReportPdf.render(report("Lyon"), PageText.of(Locale.ENGLISH)))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Monthly availability report", "Objective met");
        }
    }
}
