package fr.ent.platform.apps.console.service;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Times and numbers as the console's readers read them: Paris time, their language's digits. */
public final class Formats {

    private Formats() {
    }

    /** "4 déc. 2026, 17:05" in Paris time; "—" for none. */
    public static String dateTime(Instant at, Locale locale) {
        if (at == null) {
            return "—";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .withZone(ConsoleService.PARIS).format(at);
    }

    /** A number with at most {@code decimals} decimals: "99,958". */
    public static String number(double value, int decimals, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(decimals);
        return format.format(value);
    }
}
