package fr.ent.platform.apps.directory;

import fr.ent.platform.tenancy.InvalidTenantInputException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A school's national identifier (Unité Administrative Immatriculée): 7 digits and a check letter. The letter is
 * the 23-letter alphabet without I, O and Q indexed by the number modulo 23, so that a mistyped digit is caught
 * before a school is declared under someone else's code.
 */
public record Uai(String value) {

    private static final String CHECK_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";
    private static final Pattern SHAPE = Pattern.compile("^[0-9]{7}[A-Z]$");

    public Uai {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new InvalidTenantInputException("uai", "uai.shape", value == null ? "" : value);
        }
        char expected = checkLetter(value.substring(0, 7));
        if (value.charAt(7) != expected) {
            throw new InvalidTenantInputException("uai", "uai.checksum", value, String.valueOf(expected));
        }
    }

    /** Reads a code as people type it: surrounding spaces and lower-case letters are accepted. */
    public static Uai parse(String input) {
        return new Uai(input == null ? null : input.trim().toUpperCase(Locale.ROOT));
    }

    static char checkLetter(String digits) {
        return CHECK_LETTERS.charAt(Integer.parseInt(digits) % CHECK_LETTERS.length());
    }

    @Override
    public String toString() {
        return value;
    }
}
