package fr.ent.platform.branding;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A collectivity colour: {@code #rrggbb}, kept lower-case. The portal and the login theme draw white text on the
 * primary colour and accent-coloured links and outlines on white, so both must reach WCAG AA's 4.5:1 contrast with
 * white ({@link #readableOnWhite}); tenant-manager refuses any other.
 */
public record BrandColour(String hex) {

    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");
    /** WCAG 2.1 success criterion 1.4.3 (contrast, minimum) for normal text. */
    public static final double AA_NORMAL_TEXT = 4.5;

    public BrandColour {
        if (hex == null || !HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("not a #rrggbb colour: " + hex);
        }
        hex = hex.toLowerCase(Locale.ROOT);
    }

    /** The colour written as {@code #rrggbb}, or empty for anything else (null, names, rgb(), 3 digits...). */
    public static Optional<BrandColour> parse(String text) {
        return text != null && HEX.matcher(text).matches() ? Optional.of(new BrandColour(text)) : Optional.empty();
    }

    /** WCAG 2.1 relative luminance, 0 (black) to 1 (white). */
    public double luminance() {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** WCAG 2.1 contrast ratio between this colour and another, 1 to 21. */
    public double contrastWith(BrandColour other) {
        double a = luminance();
        double b = other.luminance();
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    public double contrastWithWhite() {
        return contrastWith(new BrandColour("#ffffff"));
    }

    public boolean readableOnWhite() {
        return contrastWithWhite() >= AA_NORMAL_TEXT;
    }
}
