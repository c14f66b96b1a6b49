package fr.ent.platform.tenants.letters;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import fr.ent.platform.tenants.identity.AccountActivation.Letter;
import fr.ent.platform.tenants.pages.HtmlPages;
import fr.ent.platform.tenants.pages.templates.letters.JtelettersGenerated;
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
 * (template {@code src/main/jte/letters/letters.jte}) rendered by openhtmltopdf with the PDF standard fonts, like the compliance report (they cover French and Spanish).
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
        List<Sheet> sheets = letters.stream().map(l -> new Sheet(
                t(text, "greeting", l.firstName() + " " + l.lastName()), collectivity + " — " + heading,
                t(text, "intro." + profile(l.profile()), collectivity), portalUrl, l.login(), l.code(),
                t(text, "step1", portalUrl), t(text, "expires", date.format(l.expiresAt())))).toList();
        return HtmlPages.render(out -> JtelettersGenerated.render(out, null, language.getLanguage(),
                t(text, "title", heading), t(text, "portal"), t(text, "login"), t(text, "code"), t(text, "step2"),
                t(text, "step3"), t(text, "keep"), sheets));
    }

    /** One person's page, its texts written in the letter's language (the template escapes them). */
    public record Sheet(String greeting, String heading, String intro, String portalUrl, String login, String code,
            String step1, String expires) {
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
}
