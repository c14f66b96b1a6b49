package fr.ent.platform.apps.wiki.courses.web;

import fr.ent.platform.apps.wiki.courses.CoursesApp;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/** The course pages' texts in the reader's language (MessageFormat: apostrophes doubled), times in their zone. */
public final class CourseTexts {

    private final ResourceBundle bundle;
    private final Locale locale;
    private final ZoneId zone;

    public CourseTexts(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
        this.bundle = CoursesApp.texts(locale);
    }

    public String get(String key, Object... arguments) {
        Object[] shown = arguments.clone();
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] instanceof Integer n) {
                shown[i] = n.toString();
            }
        }
        return new MessageFormat(bundle.getString(key), locale).format(shown);
    }

    public String time(Instant at) {
        return at.atZone(zone).format(DateTimeFormatter.ofPattern(get("format.time"), locale));
    }

    public Locale locale() {
        return locale;
    }
}
