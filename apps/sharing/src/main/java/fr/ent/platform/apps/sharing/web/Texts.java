package fr.ent.platform.apps.sharing.web;

import fr.ent.platform.apps.sharing.SharingApp;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The dialog's texts in the reader's language, for templates. Every text goes through {@link MessageFormat}, so the
 * bundles double their apostrophes everywhere ({@code ''}).
 */
public final class Texts {

    private final ResourceBundle bundle;
    private final Locale locale;

    public Texts(Locale locale) {
        this.locale = locale;
        this.bundle = SharingApp.texts(locale);
    }

    public String get(String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }

    public Locale locale() {
        return locale;
    }
}
