package fr.ent.platform.tenants.sla;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The report as an accessible French page, in the compliance report's style (lang=fr, headings, facts as a
 * definition list, tables with caption and header scopes, the verdict written out and marked with a symbol as well
 * as a colour, one block per row on a phone).
 */
public final class SlaReportHtml {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH:mm (xxx)", Locale.FRENCH)
            .withZone(ReportPeriod.ZONE);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);

    private SlaReportHtml() {
    }

    public static String render(SlaReport r) {
        MonthlyFigures f = r.figures();
        String month = MONTH.format(YearMonth.parse(r.month()));
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"UTF-8\" />\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
                .append("<title>Disponibilité ").append(esc(month)).append(" – ").append(esc(r.displayName()))
                .append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n")
                .append("<h1>Rapport mensuel de disponibilité</h1>\n<h2>").append(esc(r.displayName())).append(" – ")
                .append(esc(month)).append("</h2>\n");
        h.append("<p class=\"verdict ").append(verdictClass(f)).append("\"><span aria-hidden=\"true\">")
                .append(verdictSymbol(f)).append(" </span>").append(esc(verdict(r))).append("</p>\n<dl class=\"facts\">\n");
        fact(h, "Collectivité", r.displayName() + " (" + r.slug() + ")");
        fact(h, "Offre et objectif", "offre « " + r.plan() + " », disponibilité visée " + percent(r.targetPercent())
                + " %");
        fact(h, "Période", "du " + DATE.format(r.from()) + " au " + DATE.format(r.to())
                + (r.complete() ? " (mois complet)" : " (mois en cours)"));
        fact(h, "Disponibilité mesurée", f.availabilityPercent() == null ? "aucune mesure sur la période"
                : number(f.availabilityPercent(), 3) + " %");
        fact(h, "Budget d'erreur du mois", number(f.budgetMinutes(), 1) + " minutes");
        fact(h, "Budget consommé", number(f.budgetUsedMinutes(), 1) + " minutes, soit "
                + number(f.budgetUsedPercent(), 1) + " % du budget");
        fact(h, "Budget restant", number(f.budgetRemainingMinutes(), 1) + " minutes");
        fact(h, "Temps sans mesure", number(f.minutesWithoutData(), 0) + " minutes");
        fact(h, "Rapport établi le", DATE.format(r.generatedAt()));
        h.append("</dl>\n");

        h.append("<h2>Incidents</h2>\n");
        if (f.incidents().isEmpty()) {
            h.append("<p>Aucun incident sur la période.</p>\n");
        } else {
            h.append("<table>\n<caption>").append(f.incidents().size()).append(" incident(s) de ")
                    .append(esc(r.displayName())).append(" en ").append(esc(month)).append("</caption>\n<thead>\n<tr>")
                    .append("<th scope=\"col\">Début</th><th scope=\"col\">Fin</th><th scope=\"col\">Durée</th>")
                    .append("<th scope=\"col\">Budget consommé</th><th scope=\"col\">Taux d'erreur maximal</th>")
                    .append("</tr>\n</thead>\n<tbody>\n");
            for (Incident i : f.incidents()) {
                h.append("<tr><th scope=\"row\">").append(esc(DATE.format(i.start()))).append("</th><td>")
                        .append(esc(DATE.format(i.end()))).append("</td><td>").append(number(i.durationMinutes(), 0))
                        .append(" min</td><td>").append(number(i.budgetMinutes(), 2)).append(" min</td><td>")
                        .append(number(i.peakErrorRatePercent(), 2)).append(" % (")
                        .append(number(i.peakBurnRate(), 1)).append(" fois le taux autorisé)</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }

        h.append("<h2>Sondes de disponibilité</h2>\n");
        if (r.probes().isEmpty()) {
            h.append("<p>Aucun résultat de sonde sur la période.</p>\n");
        } else {
            h.append("<table>\n<caption>Part des sondes réussies sur la période</caption>\n<thead>\n<tr>")
                    .append("<th scope=\"col\">Sonde</th><th scope=\"col\">Réussite</th></tr>\n</thead>\n<tbody>\n");
            for (ProbeAvailability p : r.probes()) {
                h.append("<tr><th scope=\"row\">").append(esc(probeName(p.probe()))).append("</th><td>")
                        .append(number(p.availabilityPercent(), 3)).append(" %</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }
        h.append("<h2>Lecture du rapport</h2>\n<ul>\n<li>La disponibilité est la part du temps mesuré pendant ")
                .append("laquelle le service a répondu correctement : requêtes sans erreur serveur (5xx), plus rapides ")
                .append("que le seuil de l'offre, et sondes réussies. Les erreurs de l'utilisateur (4xx) ne comptent ")
                .append("pas.</li>\n<li>Le budget d'erreur est le temps d'indisponibilité que l'objectif autorise sur ")
                .append("le mois entier ; chaque tranche de 5 minutes en consomme son taux d'erreur × 5 minutes.</li>\n")
                .append("<li>").append(esc(r.incidentRule())).append("</li>\n")
                .append("<li>Les heures sont celles de Paris.</li>\n</ul>\n</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static String verdict(SlaReport r) {
        Boolean met = r.figures().objectiveMet();
        if (met == null) {
            return "Aucune mesure sur la période : la disponibilité ne peut pas être établie.";
        }
        String when = r.complete() ? "" : " à ce jour";
        return met ? "Objectif tenu" + when + "." : "Objectif non tenu" + when + " : le budget d'erreur est dépassé.";
    }

    private static String verdictClass(MonthlyFigures f) {
        return f.objectiveMet() == null ? "na" : f.objectiveMet() ? "ok" : "ko";
    }

    private static String verdictSymbol(MonthlyFigures f) {
        return f.objectiveMet() == null ? "–" : f.objectiveMet() ? "✓" : "✗";
    }

    private static String probeName(String probe) {
        return switch (probe) {
            case "portal" -> "page d'accueil du portail (portal)";
            case "api" -> "appel authentifié à l'API (api)";
            default -> probe;
        };
    }

    private static void fact(StringBuilder h, String term, String value) {
        h.append("<dt>").append(esc(term)).append("</dt><dd>").append(esc(value)).append("</dd>\n");
    }

    /** French decimals: "99,958". */
    static String number(double value, int decimals) {
        return String.format(Locale.FRANCE, "%." + decimals + "f", value);
    }

    private static String percent(String plain) {
        return plain.replace('.', ',');
    }

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

    /** Contrast ≥ 4.5:1; the verdict is written out and has a symbol, the colour only reinforces it. */
    private static final String CSS = """
            body { font-family: sans-serif; color: #1a1a1a; background: #fff; margin: 0; line-height: 1.4; }
            main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
            h1 { font-size: 1.5rem; } h2 { font-size: 1.25rem; margin-top: 1.5rem; }
            dl.facts dt { font-weight: bold; } dl.facts dd { margin: 0 0 0.5rem 0; }
            table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
            caption { text-align: left; font-weight: bold; padding: 0.5rem 0; }
            th, td { border: 1px solid #6b6b6b; padding: 0.4rem; text-align: left; vertical-align: top; }
            thead th { background: #e8e8e8; } tbody th { font-weight: normal; }
            .verdict { padding: 0.5rem; font-weight: bold; border: 1px solid #6b6b6b; }
            .ok { background: #e3f4e6; color: #0b5d1e; } .ko { background: #fbe4e4; color: #8a1010; }
            .na { background: #f0f0f0; color: #333; }
            @media (max-width: 40rem) { table, thead, tbody, tr, th, td { display: block; } thead { display: none; }
              tr { border-bottom: 2px solid #6b6b6b; margin-bottom: 0.5rem; } }
            """;
}
