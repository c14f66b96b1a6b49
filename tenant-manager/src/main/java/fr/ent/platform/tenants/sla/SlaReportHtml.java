package fr.ent.platform.tenants.sla;

import fr.ent.platform.tenants.pages.HtmlPages;
import fr.ent.platform.tenants.pages.PageText;
import fr.ent.platform.tenants.pages.templates.sla.JtereportGenerated;
import java.util.Locale;

/**
 * The report as an accessible page (template {@code src/main/jte/sla/report.jte}), in the compliance report's style
 * and layout: French unless the reader prefers English or Spanish.
 */
public final class SlaReportHtml {

    private SlaReportHtml() {
    }

    /** The French page. */
    public static String render(SlaReport report) {
        return render(report, PageText.of(Locale.FRENCH));
    }

    public static String render(SlaReport report, PageText text) {
        return render(report, text, true);
    }

    /**
     * @param screen false for the PDF: well-formed XHTML without the verdict's symbol (the PDF's standard fonts have
     *        no glyph for it), and no narrow-screen layout
     */
    static String render(SlaReport report, PageText text, boolean screen) {
        return HtmlPages.render(out -> JtereportGenerated.render(out, null, report, text, screen));
    }
}
