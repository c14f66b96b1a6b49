package fr.ent.platform.apps.privacy.web;

import fr.ent.platform.apps.privacy.PrivacyApp;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;

/** The pages' texts in the reader's language; every text goes through {@link MessageFormat} ({@code ''}). */
public final class Texts {

    private final ResourceBundle bundle;
    private final Locale locale;

    public Texts(Locale locale) {
        this.locale = locale;
        this.bundle = PrivacyApp.texts(locale);
    }

    public String get(String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }

    /** A moment as the reader reads it (Paris time: the collectivity's own zone is a later refinement). */
    public String when(Instant at) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
                .withZone(ZoneId.of("Europe/Paris")).format(at);
    }

    /** A size in bytes, rounded: kio under a Mio, Mio above. */
    public String size(Long bytes) {
        if (bytes == null) {
            return "";
        }
        return bytes < 1024 * 1024 ? get("size.kib", Math.max(1, (bytes + 1023) / 1024))
                : get("size.mib", Math.round(bytes / (1024.0 * 1024.0) * 10) / 10.0);
    }
}
