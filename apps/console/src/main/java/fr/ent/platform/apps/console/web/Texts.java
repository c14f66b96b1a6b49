package fr.ent.platform.apps.console.web;

import fr.ent.platform.apps.console.ConsoleApp;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The console's texts in the reader's language, for templates (every text through MessageFormat: {@code ''}). */
public final class Texts {

    private final ResourceBundle bundle;
    private final Locale locale;

    public Texts(Locale locale) {
        this.locale = locale;
        this.bundle = ConsoleApp.texts(locale);
    }

    public String get(String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }

    /**
     * An action of the audit trail in the reader's words ({@code audit.action.<code>}), or its code when the console
     * has no words for it (an action another part of the console records under a name of its own).
     */
    public String actionName(String code) {
        String key = "audit.action." + code;
        return code != null && bundle.containsKey(key) ? get(key) : String.valueOf(code);
    }

    public Locale locale() {
        return locale;
    }
}
