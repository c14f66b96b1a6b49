package fr.ent.platform.apps.wiki.web;

import fr.ent.platform.apps.wiki.WikiApp;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The pages' texts in the reader's language, and times in the reader's time zone, for templates. Every text goes
 * through {@link MessageFormat}, so the bundles double their apostrophes everywhere ({@code ''}).
 */
public final class Texts {

    private final ResourceBundle bundle;
    private final Locale locale;
    private final ZoneId zone;

    public Texts(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
        this.bundle = WikiApp.texts(locale);
    }

    public String get(String key, Object... arguments) {
        Object[] shown = arguments.clone();
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] instanceof Integer n) {
                shown[i] = n.toString(); // version numbers: "1000", never "1 000"
            }
        }
        return new MessageFormat(bundle.getString(key), locale).format(shown);
    }

    /** "4 décembre 2026 à 21:05" */
    public String time(Instant at) {
        return at.atZone(zone).format(DateTimeFormatter.ofPattern(get("format.time"), locale));
    }

    /** A right as the reader says it: « lecture », « écriture », « gestion ». */
    public String right(String code) {
        return get("right." + code);
    }

    public Locale locale() {
        return locale;
    }
}
