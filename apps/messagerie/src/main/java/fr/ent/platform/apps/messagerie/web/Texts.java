package fr.ent.platform.apps.messagerie.web;

import fr.ent.platform.apps.messagerie.MessagerieApp;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The messagerie's texts in the reader's language, and dates and sizes as they read them (dates in their time
 * zone). Every text goes through {@link MessageFormat}, so the bundles double their apostrophes ({@code ''}).
 */
public final class Texts {

    private final ResourceBundle bundle;
    private final Locale locale;
    private final ZoneId zone;

    public Texts(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
        this.bundle = MessagerieApp.texts(locale);
    }

    public String get(String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }

    /** A person's name as stored, an erased person's ("Ancien utilisateur", ADR 0032) in the reader's language. */
    public String person(String name) {
        return fr.ent.platform.runtime.data.FormerUser.is(name) ? fr.ent.platform.runtime.data.FormerUser.name(locale())
                : name;
    }

    public Locale locale() {
        return locale;
    }

    /** A date and time, short, in the reader's zone. */
    public String date(OffsetDateTime at) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).format(at.atZoneSameInstant(zone));
    }

    /** The machine-readable form of a date, for {@code <time datetime>}. */
    public String iso(OffsetDateTime at) {
        return at == null ? "" : at.toString();
    }

    /** A weight in bytes, KiB or MiB as people read it ("1,2 Mo"). */
    public String size(long bytes) {
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMaximumFractionDigits(1);
        if (bytes < 1024) {
            return get("size.bytes", bytes);
        }
        if (bytes < 1024 * 1024) {
            return get("size.kib", number.format(bytes / 1024.0));
        }
        return get("size.mib", number.format(bytes / (1024.0 * 1024.0)));
    }

    /** A subject, or the words saying there is none. */
    public String subject(String subject) {
        if (fr.ent.platform.runtime.moderation.Moderation.PLACEHOLDER.equals(subject)) {
            return placeholder();
        }
        return subject == null || subject.isBlank() ? get("subject.none") : subject;
    }

    /** What readers see instead of a message neutralized by moderation, in their language. */
    public String placeholder() {
        return fr.ent.platform.runtime.moderation.Moderation.placeholder(locale);
    }
}
