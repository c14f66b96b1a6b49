package fr.ent.platform.sovereignty.policy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The list of qualified hosting providers the rule {@code SNC-QUALIFIED-PROVIDER} accepts, with its date and source.
 * The bundled file ({@value #RESOURCE}) is illustrative and must be checked against ANSSI's published list.
 */
public record QualifiedProviders(LocalDate date, String source, boolean verifiedAgainstSource, String note,
                                 List<Provider> providers) {

    public static final String RESOURCE = "/fr/ent/platform/sovereignty/qualified-providers.json";

    /** A provider and the values of the node label {@code ent.fr/provider} that name it. */
    public record Provider(String name, List<String> labels) {
        public Provider {
            Objects.requireNonNull(name, "name");
            labels = List.copyOf(labels);
        }
    }

    public QualifiedProviders {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(source, "source");
        providers = List.copyOf(providers);
    }

    /** The file bundled with this module. */
    public static QualifiedProviders bundled() {
        try (InputStream in = QualifiedProviders.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " absent du classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static QualifiedProviders read(InputStream in) {
        JsonObject json;
        try (JsonReader reader = Json.createReader(in)) {
            json = reader.readObject();
        }
        String date = required(json, "date");
        LocalDate parsed;
        try {
            parsed = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("qualified-providers : date invalide « " + date + " » (attendu AAAA-MM-JJ)", e);
        }
        List<Provider> providers = json.getJsonArray("providers") == null ? List.of()
                : json.getJsonArray("providers").getValuesAs(JsonObject.class).stream()
                        .map(p -> new Provider(required(p, "name"), p.getJsonArray("labels") == null ? List.of()
                                : p.getJsonArray("labels").getValuesAs(JsonString.class).stream()
                                        .map(JsonString::getString).toList()))
                        .toList();
        if (providers.isEmpty()) {
            throw new IllegalArgumentException("qualified-providers : la liste « providers » est vide");
        }
        return new QualifiedProviders(parsed, required(json, "source"),
                json.getBoolean("verifiedAgainstSource", false), json.getString("note", ""), providers);
    }

    private static String required(JsonObject json, String key) {
        JsonValue value = json.get(key);
        if (!(value instanceof JsonString s) || s.getString().isBlank()) {
            throw new IllegalArgumentException("qualified-providers : champ « " + key + " » manquant");
        }
        return s.getString();
    }

    /** The provider a label value names (case and punctuation ignored), if it is on the list. */
    public Optional<Provider> find(String label) {
        if (label == null || label.isBlank()) {
            return Optional.empty();
        }
        String wanted = normalize(label);
        return providers.stream()
                .filter(p -> normalize(p.name()).equals(wanted)
                        || p.labels().stream().anyMatch(l -> normalize(l).equals(wanted)))
                .findFirst();
    }

    private static String normalize(String value) {
        return value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
