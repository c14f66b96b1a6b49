package fr.ent.platform.apps.flash;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How urgent a flash message is: it decides its colour and the word read before its title. */
public enum Level {
    INFO, WARNING, ALERT;

    /** The name in the API, the forms and the table. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Level> parse(String code) {
        return Arrays.stream(values()).filter(l -> l.code().equals(code)).findFirst();
    }
}
