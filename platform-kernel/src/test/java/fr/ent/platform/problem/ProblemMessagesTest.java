package fr.ent.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The problem bundles in French (base), English and Spanish say the same things: every key in every language, the
 * same placeholders, and texts that survive {@link java.text.MessageFormat} as Problem formats them.
 */
class ProblemMessagesTest {

    private static final String BASE = "/fr/ent/platform/problem/messages";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");
    /** Dummy arguments, distinct so that each placeholder's value can be found in the formatted text. */
    private static final Object[] ARGUMENTS = IntStream.range(0, 10).mapToObj(i -> "ARG" + i).toArray();

    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void everyLanguageHasExactlyTheKeysOfTheFrenchBase(String language) throws IOException {
        Set<String> base = load("").stringPropertyNames();
        Set<String> translated = load("_" + language).stringPropertyNames();
        assertThat(new TreeSet<>(base)).as("keys missing from messages_%s.properties", language)
                .isSubsetOf(translated);
        assertThat(new TreeSet<>(translated)).as("keys of messages_%s.properties unknown to the base", language)
                .isSubsetOf(base);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void everyKeyHasTheSamePlaceholdersInEveryLanguage(String language) throws IOException {
        Properties base = load("");
        Properties translated = load("_" + language);
        Map<String, String> differing = new TreeMap<>();
        for (String key : base.stringPropertyNames()) {
            String text = translated.getProperty(key);
            if (text != null && !placeholders(text).equals(placeholders(base.getProperty(key)))) {
                differing.put(key, placeholders(base.getProperty(key)) + " vs " + placeholders(text));
            }
        }
        assertThat(differing).as("placeholders that differ between French and %s", language).isEmpty();
    }

    /**
     * Formats every message as Problem does: a message that MessageFormat cannot parse throws, a quote that swallows
     * a placeholder leaves its argument out, and an apostrophe doubled in the file shows doubled to the reader.
     */
    @ParameterizedTest
    @ValueSource(strings = {"fr", "en", "es"})
    void everyMessageFormatsWithItsArguments(String language) throws IOException {
        Properties texts = load("fr".equals(language) ? "" : "_" + language);
        List<String> broken = new ArrayList<>();
        for (String key : new TreeSet<>(texts.stringPropertyNames())) {
            String formatted = Problem.message(key, Locale.of(language), ARGUMENTS);
            boolean argumentsShown = placeholders(texts.getProperty(key)).stream()
                    .allMatch(i -> formatted.contains("ARG" + i));
            if (!argumentsShown || formatted.contains("''") || formatted.contains("{") || formatted.contains("}")) {
                broken.add(key + " -> " + formatted);
            }
        }
        assertThat(broken).as("messages of %s that do not format cleanly", language).isEmpty();
    }

    @Test
    void spanishQuotesValuesWithAngleQuotes() throws IOException {
        Properties spanish = load("_es");
        List<String> otherQuotes = spanish.stringPropertyNames().stream()
                .filter(key -> {
                    String text = spanish.getProperty(key);
                    return text.contains("\"") || text.contains("« ") || text.contains(" »");
                })
                .sorted().toList();
        assertThat(otherQuotes).as("Spanish texts quote with «…», without inner spaces").isEmpty();
    }

    @Test
    void aMexicanReaderGetsTheProblemInSpanish() {
        Problem problem = Problem.of(404, "no-such-resource", Locale.forLanguageTag("es-MX"));

        assertThat(problem.title()).isEqualTo("Recurso no encontrado");
        assertThat(problem.detail()).isEqualTo("Ningún recurso corresponde a esta dirección.");
        assertThat(problem.type()).isEqualTo("urn:ent:problem:no-such-resource");
    }

    @Test
    void spanishDetailsCarryTheirArguments() {
        Problem problem = Problem.of(503, "tenant-suspended", Locale.forLanguageTag("es-ES"), "Lyon");

        assertThat(problem.detail())
                .isEqualTo("El ENT de la colectividad «Lyon» está suspendido temporalmente. Vuelva a intentarlo más tarde.");
    }

    @Test
    void languagesMapToTheirBundleAndEverythingElseToFrench() {
        assertThat(Problem.localeOf(Locale.forLanguageTag("es-MX"))).isEqualTo(Locale.of("es"));
        assertThat(Problem.localeOf(Locale.forLanguageTag("es-419"))).isEqualTo(Locale.of("es"));
        assertThat(Problem.localeOf(Locale.forLanguageTag("en-GB"))).isEqualTo(Locale.ENGLISH);
        assertThat(Problem.localeOf(Locale.forLanguageTag("fr-CA"))).isEqualTo(Locale.FRENCH);
        assertThat(Problem.localeOf(Locale.GERMAN)).isEqualTo(Locale.FRENCH);
        assertThat(Problem.localeOf(Locale.ROOT)).isEqualTo(Locale.FRENCH);
        assertThat(Problem.localeOf(null)).isEqualTo(Locale.FRENCH);
    }

    @Test
    void anEnglishApostropheIsShownOnce() {
        Problem problem = Problem.of(400, "unknown-apps", Locale.ENGLISH, "agenda", "directory");

        assertThat(problem.detail()).isEqualTo("Unknown app(s): agenda. The platform's apps: directory.");
    }

    private static Set<Integer> placeholders(String text) {
        Set<Integer> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }

    /** The file itself, not a ResourceBundle: a bundle would fill a missing key from its French parent. */
    private static Properties load(String suffix) throws IOException {
        String name = BASE + suffix + ".properties";
        try (InputStream in = ProblemMessagesTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            Properties texts = new Properties();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return texts;
        }
    }
}
