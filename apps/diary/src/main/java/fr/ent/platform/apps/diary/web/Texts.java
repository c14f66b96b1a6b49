package fr.ent.platform.apps.diary.web;

import fr.ent.platform.apps.diary.DiaryApp;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The pages' texts in the reader's language, for templates. Every text goes through {@link MessageFormat}, so the
 * bundles double their apostrophes everywhere ({@code ''}).
 */
public final class Texts {

    private final ResourceBundle bundle;
    private final Locale locale;

    public Texts(Locale locale) {
        this.locale = locale;
        this.bundle = DiaryApp.texts(locale);
    }

    public String get(String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }

    /** "lundi 7 décembre" */
    public String day(LocalDate day) {
        return day.format(DateTimeFormatter.ofPattern(get("format.day"), locale));
    }

    /** "lundi 7 décembre 2026" */
    public String date(LocalDate day) {
        return day.format(DateTimeFormatter.ofPattern(get("format.date"), locale));
    }

    public Locale locale() {
        return locale;
    }
}
