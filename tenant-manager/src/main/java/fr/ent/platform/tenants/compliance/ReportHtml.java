package fr.ent.platform.tenants.compliance;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The report as an accessible French page (lang=fr, headings, a table with caption and header scopes, statuses
 * written out and marked with a symbol as well as a colour), written as well-formed XHTML so that the PDF is
 * rendered from the very same document.
 */
public final class ReportHtml {

    /** Dates in the report: Paris time, the collectivities' (overseas ones read the UTC offset). */
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH:mm (xxx)", Locale.FRENCH)
            .withZone(ZoneId.of("Europe/Paris"));

    private ReportHtml() {
    }

    public static String render(CollectivityReport r) {
        return render(r, true);
    }

    /**
     * @param screen for a screen (status symbols ✓ ✗ and the narrow-screen layout) rather than the PDF: the PDF's
     *        standard fonts have no glyph for the symbols, and its renderer reads no media query
     */
    static String render(CollectivityReport r, boolean screen) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"fr\" xml:lang=\"fr\">\n<head>\n")
                .append("<meta charset=\"UTF-8\" />\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
                .append("<title>Rapport de conformité – ").append(esc(r.displayName())).append("</title>\n")
                .append("<style>\n").append(CSS).append(screen ? SCREEN_CSS : "").append("</style>\n</head>\n<body>\n<main>\n")
                .append("<h1>Rapport de conformité de l'hébergement souverain</h1>\n")
                .append("<h2>").append(esc(r.displayName())).append("</h2>\n<dl class=\"facts\">\n");
        fact(h, "Collectivité", r.displayName() + " (" + r.slug() + ")");
        fact(h, "Résidence des données", residency(r.residency()));
        fact(h, "Date de l'évaluation", DATE.format(r.evaluatedAt()));
        fact(h, "Inventaire du cluster", r.inventoryCollectedAt() == null ? "aucun inventaire reçu de l'opérateur"
                : "collecté le " + DATE.format(r.inventoryCollectedAt()));
        h.append("</dl>\n<p class=\"summary\">Synthèse : <strong>").append(esc(r.summary())).append("</strong> — ")
                .append(r.count(ReportLine.COMPLIANT)).append(" conforme(s), ")
                .append(r.count(ReportLine.VIOLATED)).append(" non conforme(s), ")
                .append(r.count(ReportLine.WARNING)).append(" avertissement(s), ")
                .append(r.count(ReportLine.NOT_EVALUATED)).append(" non évaluable(s) sur ").append(r.lines().size())
                .append(" règles.</p>\n");
        h.append("<h2>Règles</h2>\n<table>\n<caption>Résultat de chaque règle du catalogue pour ")
                .append(esc(r.displayName())).append(" au ").append(esc(DATE.format(r.evaluatedAt())))
                .append("</caption>\n<thead>\n<tr><th scope=\"col\">Règle</th><th scope=\"col\">Statut</th>")
                .append("<th scope=\"col\">Constat</th><th scope=\"col\">Correction</th><th scope=\"col\">Sources</th>")
                .append("</tr>\n</thead>\n<tbody>\n");
        for (ReportLine l : r.lines()) {
            h.append("<tr>\n<th scope=\"row\"><code>").append(esc(l.rule())).append("</code><br />")
                    .append(esc(l.title())).append("<br /><span class=\"meta\">gravité ").append(esc(l.severity()))
                    .append(", portée ").append(esc(l.scope())).append("</span></th>\n")
                    .append("<td class=\"").append(cssClass(l.status())).append("\">")
                    .append(screen ? "<span aria-hidden=\"true\">" + symbol(l.status()) + " </span>" : "")
                    .append(esc(l.status())).append("</td>\n")
                    .append("<td>").append(esc(l.evidence())).append("</td>\n")
                    .append("<td>").append(l.fix() == null ? "—" : esc(l.fix())).append("</td>\n<td><ul>");
            for (String s : l.sources()) {
                h.append("<li>").append(esc(s)).append("</li>");
            }
            h.append("</ul></td>\n</tr>\n");
        }
        h.append("</tbody>\n</table>\n<h2>Lecture du rapport</h2>\n<ul>\n")
                .append("<li><strong>conforme</strong> : la règle est respectée ;</li>\n")
                .append("<li><strong>non conforme</strong> : une règle bloquante n'est pas respectée, la correction ")
                .append("indique quoi faire ;</li>\n")
                .append("<li><strong>avertissement</strong> : une règle non bloquante n'est pas respectée ;</li>\n")
                .append("<li><strong>non évaluable</strong> : rien à examiner ou information manquante (le constat ")
                .append("dit pourquoi).</li>\n</ul>\n<p class=\"meta\">Les règles de portée « plateforme » valent pour ")
                .append("toutes les collectivités hébergées ; celles de portée « collectivité » sont évaluées selon sa ")
                .append("résidence des données. Le catalogue et ses sources sont décrits dans docs/sovereignty.md.</p>\n")
                .append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void fact(StringBuilder h, String term, String value) {
        h.append("<dt>").append(esc(term)).append("</dt><dd>").append(esc(value)).append("</dd>\n");
    }

    static String residency(String residency) {
        if (residency == null) {
            return "inconnue (absente du dernier inventaire du cluster)";
        }
        return "FR".equals(residency) ? "France (FR)" : "Union européenne (EU)";
    }

    private static String symbol(String status) {
        return switch (status) {
            case ReportLine.COMPLIANT -> "✓";
            case ReportLine.VIOLATED -> "✗";
            case ReportLine.WARNING -> "!";
            default -> "–";
        };
    }

    private static String cssClass(String status) {
        return switch (status) {
            case ReportLine.COMPLIANT -> "ok";
            case ReportLine.VIOLATED -> "ko";
            case ReportLine.WARNING -> "warn";
            default -> "na";
        };
    }

    /** XML escaping (the page is XHTML). */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    /** Contrast ≥ 4.5:1 for text; status shown by text and symbol, colour only reinforces. */
    private static final String CSS = """
            body { font-family: sans-serif; color: #1a1a1a; background: #fff; margin: 0; line-height: 1.4; }
            main { max-width: 75rem; margin: 0 auto; padding: 1rem; }
            h1 { font-size: 1.5rem; } h2 { font-size: 1.25rem; margin-top: 1.5rem; }
            dl.facts dt { font-weight: bold; } dl.facts dd { margin: 0 0 0.5rem 0; }
            table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
            caption { text-align: left; font-weight: bold; padding: 0.5rem 0; }
            th, td { border: 1px solid #6b6b6b; padding: 0.4rem; text-align: left; vertical-align: top; }
            thead th { background: #e8e8e8; }
            tbody th { font-weight: normal; }
            td ul { margin: 0; padding-left: 1rem; }
            code { font-weight: bold; }
            .meta { color: #4a4a4a; font-size: 0.85em; }
            .ok { background: #e3f4e6; color: #0b5d1e; font-weight: bold; }
            .ko { background: #fbe4e4; color: #8a1010; font-weight: bold; }
            .warn { background: #fff2d6; color: #6b4400; font-weight: bold; }
            .na { background: #f0f0f0; color: #333; font-weight: bold; }
            @page { size: A4 landscape; margin: 1.2cm; }
            """;
    /** On a phone the table becomes one block per rule. */
    private static final String SCREEN_CSS = """
            @media (max-width: 40rem) { table, thead, tbody, tr, th, td { display: block; } thead { display: none; }
              tr { border-bottom: 2px solid #6b6b6b; margin-bottom: 0.5rem; } }
            """;
}
