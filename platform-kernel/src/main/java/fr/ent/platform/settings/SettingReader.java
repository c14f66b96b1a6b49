package fr.ent.platform.settings;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one way settings are read: each concern's settings record ({@code ProbeSettings}, {@code AiSettings}…) takes
 * its values from here in its {@code from(SettingReader)}, once, and a value that cannot be used stops the start with
 * an {@link InvalidSettingException} naming the property and its environment variable. Blank values count as unset,
 * so that an empty environment variable means the default. In the servers the look-up is MicroProfile Config (each
 * module's {@code SettingsBeans}); in tests, a map.
 */
public final class SettingReader {

    private final Function<String, Optional<String>> lookup;

    /** @param lookup a configuration look-up, e.g. {@code k -> config.getOptionalValue(k, String.class)} */
    public SettingReader(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    /** Settings from a map of property names (tests). */
    public static SettingReader of(Map<String, String> values) {
        return new SettingReader(name -> Optional.ofNullable(values.get(name)));
    }

    /** The raw look-up, for readers that translate a whole family of keys themselves (the sovereignty policy). */
    public Function<String, Optional<String>> lookup() {
        return lookup;
    }

    /** The value, stripped; empty when unset or blank. */
    public Optional<String> text(String name) {
        return lookup.apply(name).map(String::strip).filter(v -> !v.isEmpty());
    }

    public String text(String name, String defaultValue) {
        return text(name).orElse(defaultValue);
    }

    /** The value exactly as given, blank included (a local password may be empty). */
    public Optional<String> raw(String name) {
        return lookup.apply(name);
    }

    /** A whole number in {@code [min, max]}. */
    public int integer(String name, int defaultValue, int min, int max) {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value.get());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the accepted range
        }
        throw new InvalidSettingException(name, value.get(), "a whole number from " + min + " to " + max);
    }

    /**
     * {@code true}/{@code false}, or what MicroProfile Config also reads as a boolean ({@code 1, yes, y, on} and
     * {@code 0, no, n, off}), any case; anything else is refused rather than read as false.
     */
    public boolean flag(String name, boolean defaultValue) {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "y", "on" -> true;
            case "false", "0", "no", "n", "off" -> false;
            default -> throw new InvalidSettingException(name, value.get(), "true or false");
        };
    }

    /** An absolute http or https URL. */
    public Optional<URI> url(String name) {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value.get());
            if (uri.isAbsolute() && uri.getHost() != null
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return Optional.of(uri);
            }
        } catch (java.net.URISyntaxException notAUri) {
            // reported below
        }
        throw new InvalidSettingException(name, value.get(), "an absolute http(s) URL");
    }

    /** The environment variable MicroProfile Config maps to a property: upper case, {@code .} and {@code -} as {@code _}. */
    public static String environmentName(String name) {
        return name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
