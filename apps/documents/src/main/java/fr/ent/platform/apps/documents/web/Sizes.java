package fr.ent.platform.apps.documents.web;

import java.text.NumberFormat;
import java.util.Locale;

/** Sizes as people read them: bytes under 1 kio, then kio, Mio, Gio, one decimal under 10. */
public final class Sizes {

    private static final String[] UNITS = {"o", "kio", "Mio", "Gio"};

    private Sizes() {
    }

    public static String readable(long bytes, Locale locale) {
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(unit > 0 && value < 10 ? 1 : 0);
        return format.format(value) + "\u00a0" + UNITS[unit];
    }
}
