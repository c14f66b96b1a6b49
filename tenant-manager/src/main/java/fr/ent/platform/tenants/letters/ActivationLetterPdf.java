package fr.ent.platform.tenants.letters;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import fr.ent.platform.tenants.identity.AccountActivation.Letter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Activation letters as a PDF, one A4 page per person, for a school to hand out (the tenant console, ADR 0023):
 * the collectivity's name, the heading (school and class), the person's name, the portal's address, their login
 * and one-time code, until when it is valid and what to do with it. French first, English and Spanish. XHTML
 * rendered by openhtmltopdf with the PDF standard fonts, like the compliance report (they cover French and Spanish).
 * Pure: no Keycloak, no database.
 */
public final class ActivationLetterPdf {

    /** The languages letters are written in, the first being the default. */
    public static final List<Locale> LANGUAGES = List.of(Locale.FRENCH, Locale.ENGLISH, Locale.of("es"));
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private ActivationLetterPdf() {
    }

    /** The language letters are printed in for a reader preferring {@code wanted}: theirs if written, else French. */
    public static Locale language(List<Locale> wanted) {
        for (Locale w : wanted) {
            for (Locale l : LANGUAGES) {
                if (l.getLanguage().equals(w.getLanguage())) {
                    return l;
                }
            }
        }
        return LANGUAGES.getFirst();
    }

    public static byte[] render(String collectivity, String heading, String portalUrl, List<Letter> letters,
            Locale language) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024 + letters.size() * 2048);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml(collectivity, heading, portalUrl, letters, language), null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("rendu PDF des lettres d'activation impossible", e);
        }
        return out.toByteArray();
    }

    static String xhtml(String collectivity, String heading, String portalUrl, List<Letter> letters,
            Locale language) {
        ResourceBundle text = ResourceBundle.getBundle("fr.ent.platform.tenants.letters.letters", language,
                ActivationLetterPdf.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language)
                .withZone(PARIS);
        StringBuilder h = new StringBuilder(4096 + letters.size() * 1500);
        h.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
                .append(language.getLanguage()).append("\"><head><title>").append(esc(t(text, "title", heading)))
                .append("</title><style>")
                .append("@page { size: A4; margin: 22mm 20mm; } body { font-family: Helvetica, sans-serif;"
                        + " font-size: 12pt; color: #111; } .letter { page-break-after: always; }"
                        + " .letter:last-child { page-break-after: auto; } h1 { font-size: 18pt; margin: 0 0 4mm 0; }"
                        + " .heading { font-size: 11pt; color: #333; margin: 0 0 12mm 0; }"
                        + " table { border-collapse: collapse; margin: 8mm 0; width: 100%; }"
                        + " th { text-align: left; font-weight: normal; width: 40%; padding: 3mm; border: 1px solid #666; }"
                        + " td { font-family: Courier, monospace; font-size: 15pt; font-weight: bold; padding: 3mm;"
                        + " border: 1px solid #666; } .steps li { margin-bottom: 2mm; } .small { font-size: 9pt;"
                        + " color: #333; margin-top: 12mm; }")
                .append("</style></head><body>");
        for (Letter l : letters) {
            h.append("<div class=\"letter\"><h1>").append(esc(t(text, "greeting", l.firstName() + " " + l.lastName())))
                    .append("</h1><p class=\"heading\">").append(esc(collectivity)).append(" — ").append(esc(heading))
                    .append("</p><p>").append(esc(t(text, "intro." + profile(l.profile()), collectivity)))
                    .append("</p><table><tr><th>").append(esc(t(text, "portal"))).append("</th><td>")
                    .append(esc(portalUrl)).append("</td></tr><tr><th>").append(esc(t(text, "login")))
                    .append("</th><td>").append(esc(l.login())).append("</td></tr><tr><th>")
                    .append(esc(t(text, "code"))).append("</th><td>").append(esc(l.code()))
                    .append("</td></tr></table><ol class=\"steps\"><li>").append(esc(t(text, "step1", portalUrl)))
                    .append("</li><li>").append(esc(t(text, "step2"))).append("</li><li>")
                    .append(esc(t(text, "step3"))).append("</li></ol><p>")
                    .append(esc(t(text, "expires", date.format(l.expiresAt())))).append("</p><p class=\"small\">")
                    .append(esc(t(text, "keep"))).append("</p></div>");
        }
        return h.append("</body></html>").toString();
    }

    private static String profile(String profile) {
        return switch (profile == null ? "" : profile) {
            case "Student", "Relative", "Teacher" -> profile;
            default -> "Other";
        };
    }

    private static String t(ResourceBundle text, String key, Object... arguments) {
        return new MessageFormat(text.getString(key), text.getLocale()).format(arguments);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (ch >= 0x20 || ch == '\n' || ch == '\t') {
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }
}
