package fr.ent.platform.apps.moderation.web;

import fr.ent.platform.apps.moderation.ModerationApp;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The app's texts in the reader's language, for templates. Every text goes through {@link MessageFormat}, so the
 * bundles double their apostrophes everywhere ({@code ''}) whether a text has arguments or not.
 */
public final class Texts {

    private final ResourceBundle bundle;
    private final Locale locale;

    public Texts(Locale locale) {
        this.locale = locale;
        this.bundle = ModerationApp.texts(locale);
    }

    public String get(String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }

    public Locale locale() {
        return locale;
    }
}
