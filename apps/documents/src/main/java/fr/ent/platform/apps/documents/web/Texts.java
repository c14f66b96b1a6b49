package fr.ent.platform.apps.documents.web;

import fr.ent.platform.apps.documents.DocumentsApp;
import java.text.MessageFormat;
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
        this.bundle = DocumentsApp.texts(locale);
    }

    public String get(String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }

    /** A size in bytes as people read it: kio, Mio (one decimal under 10). */
    public String size(long bytes) {
        return Sizes.readable(bytes, locale);
    }

    public Locale locale() {
        return locale;
    }
}
