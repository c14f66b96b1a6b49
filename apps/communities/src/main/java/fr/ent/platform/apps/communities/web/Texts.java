package fr.ent.platform.apps.communities.web;

import fr.ent.platform.apps.communities.CommunitiesApp;
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
        this.bundle = CommunitiesApp.texts(locale);
    }

    public String get(String key, Object... arguments) {
        Object[] shown = arguments.clone();
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] instanceof Number n) {
                shown[i] = n.toString(); // counts as written: "1000", never "1 000"
            }
        }
        return new MessageFormat(bundle.getString(key), locale).format(shown);
    }

    /** "4 décembre 2026 à 21:05" */
    public String time(Instant at) {
        return at.atZone(zone).format(DateTimeFormatter.ofPattern(get("format.time"), locale));
    }

    public Locale locale() {
        return locale;
    }
}
