package fr.ent.platform.tenants.compliance;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The report as PDF: the same XHTML as the page, rendered by openhtmltopdf (PDFBox) with the PDF standard fonts
 * (nothing to bundle; they cover French). Title, author and language are set in the document.
 */
public final class ReportPdf {

    private ReportPdf() {
    }

    public static byte[] render(CollectivityReport report) {
        String xhtml = ReportHtml.render(report, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("rendu PDF du rapport de conformité impossible", e);
        }
        return out.toByteArray();
    }
}
