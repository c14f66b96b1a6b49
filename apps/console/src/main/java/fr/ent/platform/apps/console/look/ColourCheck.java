package fr.ent.platform.apps.console.look;

import fr.ent.platform.branding.BrandColour;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The portal's colours as typed in the console's form, checked before they are saved: {@code #rrggbb} (a colour
 * picker's value) or empty for the platform's default, and readable: white text on the primary colour and accent
 * links on white need WCAG AA's 4.5:1 ({@link BrandColour#readableOnWhite}, the rule tenant-manager applies again).
 * A refusal names the field and shows the ratio the colour has. Pure, for unit tests.
 */
public final class ColourCheck {

    private ColourCheck() {
    }

    /**
     * The colour to save (empty: the default), or a refusal naming {@code field} (a message key of the console:
     * {@code look.primary}, {@code look.accent}).
     */
    public static Optional<BrandColour> colour(String field, String typed, Locale locale) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String text = typed.strip();
        BrandColour colour = BrandColour.parse(text).orElseThrow(() -> LookRefused.because(400,
                "look.colour.invalid", field, text));
        if (!colour.readableOnWhite()) {
            throw LookRefused.because(400, "look.colour.contrast", field, colour.hex(),
                    ratio(colour.contrastWithWhite(), locale), ratio(BrandColour.AA_NORMAL_TEXT, locale));
        }
        return Optional.of(colour);
    }

    /** A contrast ratio as people read it: two decimals at most, in their language ("2,91"), rounded down. */
    static String ratio(double value, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(2);
        format.setMinimumFractionDigits(1);
        format.setRoundingMode(java.math.RoundingMode.FLOOR);
        return format.format(value);
    }
}
