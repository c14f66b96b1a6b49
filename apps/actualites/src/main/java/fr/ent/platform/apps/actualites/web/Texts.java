package fr.ent.platform.apps.actualites.web;

import fr.ent.platform.apps.actualites.ActualitesApp;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The app's texts in the reader's language; every text goes through {@link MessageFormat} ({@code ''}). */
public final class Texts {

    private final ResourceBundle bundle;
    private final Locale locale;

    public Texts(Locale locale) {
        this.locale = locale;
        this.bundle = ActualitesApp.texts(locale);
    }

    public String get(String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }

    public Locale locale() {
        return locale;
    }
}
