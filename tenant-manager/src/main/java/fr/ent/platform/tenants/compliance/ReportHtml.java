package fr.ent.platform.tenants.compliance;

import fr.ent.platform.tenants.pages.HtmlPages;
import fr.ent.platform.tenants.pages.PageText;
import fr.ent.platform.tenants.pages.templates.compliance.JtereportGenerated;
import gg.jte.Content;
import java.util.Locale;

/**
 * The report as an accessible page (template {@code src/main/jte/compliance/report.jte}), well-formed XHTML so that
 * the PDF is rendered from the very same document. French unless the reader prefers English or Spanish; the rules'
 * titles, findings, fixes and sources are the catalogue's, in French.
 */
public final class ReportHtml {

    private ReportHtml() {
    }

    /** The French page. */
    public static String render(CollectivityReport report) {
        return render(report, PageText.of(Locale.FRENCH), true);
    }

    public static String render(CollectivityReport report, PageText text) {
        return render(report, text, true);
    }

    /**
     * @param screen for a screen (status symbols ✓ ✗ and the narrow-screen layout) rather than the PDF: the PDF's
     *        standard fonts have no glyph for the symbols, and its renderer reads no media query
     */
    static String render(CollectivityReport report, PageText text, boolean screen) {
        return HtmlPages.render(out -> JtereportGenerated.render(out, null, report, text, screen));
    }

    /**
     * A status, summary, severity or scope of the report (French words, as in its JSON) in the reader's language.
     */
    public static Content word(PageText text, String value) {
        String key = switch (value) {
            case ReportLine.COMPLIANT -> "compliant";
            case ReportLine.VIOLATED -> "violated";
            case ReportLine.WARNING -> "warning";
            case ReportLine.NOT_EVALUATED -> "notEvaluated";
            case CollectivityReport.SUMMARY_RESERVED -> "reserved";
            case "bloquante" -> "blocking";
            case "plateforme" -> "platform";
            case "collectivité" -> "collectivity";
            default -> null;
        };
        return key == null ? PageText.data(value) : text.localize("compliance.word." + key);
    }

    public static String symbol(String status) {
        return switch (status) {
            case ReportLine.COMPLIANT -> "✓";
            case ReportLine.VIOLATED -> "✗";
            case ReportLine.WARNING -> "!";
            default -> "–";
        };
    }

    public static String cssClass(String status) {
        return switch (status) {
            case ReportLine.COMPLIANT -> "ok";
            case ReportLine.VIOLATED -> "ko";
            case ReportLine.WARNING -> "warn";
            default -> "na";
        };
    }
}
