package fr.ent.platform.tenants.pages;

import gg.jte.Content;
import gg.jte.support.LocalizationSupport;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words, dates and numbers of a page in its reader's language: French first, English and Spanish
 * ({@code fr/ent/platform/tenants/pages/reports*.properties}; the base bundle is French).
 *
 * <p>Templates call {@link #localize(String, Object...)}: the bundle's text is ours and goes out as is (it may hold
 * {@code <strong>}), every argument is escaped by jte. Dates are Paris time, the collectivities' (overseas ones read
 * the UTC offset).
 */
public final class PageText implements LocalizationSupport {

    /** The languages the pages are written in, the first one being the default. */
    public static final List<Locale> LANGUAGES = List.of(Locale.FRENCH, Locale.ENGLISH, Locale.of("es"));
    static final String BUNDLE = "fr.ent.platform.tenants.pages.reports";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Locale locale;
    private final ResourceBundle bundle;
    private final DateTimeFormatter date;
    private final DateTimeFormatter month;

    private PageText(Locale locale) {
        this.locale = locale;
        // never the JVM's default locale as a fallback, whatever the server runs with
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, PageText.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.date = DateTimeFormatter.ofPattern(bundle.getString("date.pattern"), locale).withZone(PARIS);
        this.month = DateTimeFormatter.ofPattern(bundle.getString("month.pattern"), locale);
    }

    /** The text of {@code locale}'s language if the pages are written in it, else French. */
    public static PageText of(Locale locale) {
        return new PageText(supported(locale));
    }

    /**
     * The first of the reader's languages (Accept-Language, in order of preference) that the pages are written in;
     * French when none is, or when the reader states none.
     */
    public static PageText negotiate(List<Locale> acceptable) {
        for (Locale wanted : acceptable) {
            for (Locale language : LANGUAGES) {
                if (language.getLanguage().equals(wanted.getLanguage())) {
                    return new PageText(language);
                }
            }
        }
        return new PageText(LANGUAGES.getFirst());
    }

    private static Locale supported(Locale locale) {
        return LANGUAGES.stream().filter(l -> locale != null && l.getLanguage().equals(locale.getLanguage()))
                .findFirst().orElse(LANGUAGES.getFirst());
    }

    public Locale locale() {
        return locale;
    }

    /** For {@code lang} attributes: {@code fr}, {@code en}, {@code es}. */
    public String lang() {
        return locale.getLanguage();
    }

    public boolean french() {
        return Locale.FRENCH.equals(locale);
    }

    /** The bundle's text; a missing key throws, so that a page never shows a key instead of words. */
    @Override
    public String lookup(String key) {
        return bundle.getString(key);
    }

    /** Our words for {@code key} if the bundle has them, else {@code data} as it is (escaped). */
    public Content localizeOr(String key, String data) {
        return bundle.containsKey(key) ? localize(key) : data(data);
    }

    /** {@code 28 novembre 2026 à 10:30 (+01:00)}. */
    public String date(Instant instant) {
        return date.format(instant);
    }

    /** {@code novembre 2026} from {@code 2026-11}. */
    public String month(String yearMonth) {
        return month.format(YearMonth.parse(yearMonth));
    }

    /** {@code 99,958} in French and Spanish, {@code 99.958} in English. */
    public String number(double value, int decimals) {
        return String.format(locale, "%." + decimals + "f", value);
    }

    /** A decimal written with a dot ({@code "99.8"}, as configured) in the reader's notation. */
    public String decimal(String plain) {
        return plain.replace('.', DecimalFormatSymbols.getInstance(locale).getDecimalSeparator());
    }

    /** Data (never our own words) as content, escaped: for templates whose parameters are content. */
    public static Content data(String text) {
        return output -> output.writeUserContent(text);
    }
}
