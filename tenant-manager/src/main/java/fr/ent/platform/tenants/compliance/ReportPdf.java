package fr.ent.platform.tenants.compliance;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import fr.ent.platform.tenants.pages.PageText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The report as PDF: the same XHTML as the page, rendered by openhtmltopdf (PDFBox) with the PDF standard fonts
 * (nothing to bundle; they cover French and Spanish). Title and language are set in the document.
 */
public final class ReportPdf {

    private ReportPdf() {
    }

    /** The French PDF. */
    public static byte[] render(CollectivityReport report) {
        return render(report, PageText.of(Locale.FRENCH));
    }

    public static byte[] render(CollectivityReport report, PageText text) {
        String xhtml = ReportHtml.render(report, text, false);
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
