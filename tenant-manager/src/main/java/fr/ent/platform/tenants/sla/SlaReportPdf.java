package fr.ent.platform.tenants.sla;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import fr.ent.platform.tenants.pages.PageText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The monthly availability report as PDF, for a collectivity to file or forward: the same XHTML as the page,
 * rendered by openhtmltopdf (PDFBox) with the PDF standard fonts, as the compliance report's PDF.
 */
public final class SlaReportPdf {

    private SlaReportPdf() {
    }

    public static byte[] render(SlaReport report, PageText text) {
        String xhtml = SlaReportHtml.render(report, text, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("rendu PDF du rapport de disponibilité impossible", e);
        }
        return out.toByteArray();
    }
}
