package fr.ent.platform.problem;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.text.MessageFormat;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * An RFC 9457 problem document. Title and detail come from a message bundle (French by default, English or
 * Spanish when the client prefers it), keyed by a stable problem code that also forms the {@code type} URI.
 */
public record Problem(String type, String title, int status, String detail, Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String BUNDLE = "fr.ent.platform.problem.messages";
    private static final Locale SPANISH = Locale.of("es");

    public Problem {
        extensions = Map.copyOf(extensions);
    }

    /** Builds the problem for {@code code}, formatting its detail message with {@code arguments}. */
    public static Problem of(int status, String code, Locale locale, Object... arguments) {
        ResourceBundle bundle = bundle(locale);
        String title = text(bundle, code + ".title", code);
        String detail = MessageFormat.format(text(bundle, code + ".detail", title).replace("'", "''"), arguments);
        return new Problem("urn:ent:problem:" + code, title, status, detail, Map.of());
    }

    /**
     * The problem for a bare HTTP status, when nothing more specific is known (a JAX-RS error, or the servlet
     * container's own 404, 405 or 500).
     */
    public static Problem ofStatus(int status, Locale locale) {
        String code = switch (status) {
            case 400 -> "malformed-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "no-such-resource";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 415 -> "unsupported-media-type";
            default -> status >= 500 ? "internal-error" : "malformed-request";
        };
        return of(status, code, locale);
    }

    /** Resolves a message key of the bundle on its own (used for field errors inside a problem). */
    public static String message(String key, Locale locale, Object... arguments) {
        ResourceBundle bundle = bundle(locale);
        return MessageFormat.format(text(bundle, key, key).replace("'", "''"), arguments);
    }

    /** French (the base bundle), English or Spanish; never the JVM's default locale, whatever the server runs with. */
    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, localeOf(locale), Problem.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Problem with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(name, value);
        return new Problem(type, title, status, detail, more);
    }

    /**
     * The bundle language for a client's preferred locale: English or Spanish when asked for (any country, e.g.
     * es-MX), French otherwise, since the ENT is French first.
     */
    public static Locale localeOf(Locale preferred) {
        String language = preferred == null ? "" : preferred.getLanguage();
        return switch (language) {
            case "en" -> Locale.ENGLISH;
            case "es" -> SPANISH;
            default -> Locale.FRENCH;
        };
    }

    public String toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("type", type).add("title", title).add("status", status).add("detail", detail);
        extensions.forEach((name, value) -> addValue(json, name, value));
        return json.build().toString();
    }

    private static void addValue(JsonObjectBuilder json, String name, Object value) {
        switch (value) {
            case null -> json.addNull(name);
            case Number n -> json.add(name, n.longValue());
            case Boolean b -> json.add(name, b);
            case Map<?, ?> m -> {
                JsonObjectBuilder inner = Json.createObjectBuilder();
                m.forEach((k, v) -> addValue(inner, String.valueOf(k), v));
                json.add(name, inner);
            }
            case Collection<?> c -> json.add(name, array(c));
            default -> json.add(name, value.toString());
        }
    }

    private static JsonArrayBuilder array(Collection<?> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (Object v : values) {
            if (v instanceof Map<?, ?> m) {
                JsonObjectBuilder inner = Json.createObjectBuilder();
                m.forEach((k, val) -> addValue(inner, String.valueOf(k), val));
                array.add(inner);
            } else {
                array.add(String.valueOf(v));
            }
        }
        return array;
    }

    private static String text(ResourceBundle bundle, String key, String fallback) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    /** A field error inside an invalid-input problem: which field, and why, in the client's language. */
    public static Map<String, Object> fieldError(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
