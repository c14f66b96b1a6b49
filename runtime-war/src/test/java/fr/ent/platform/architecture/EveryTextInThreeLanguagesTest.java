package fr.ent.platform.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * User-facing text is French first with English and Spanish available (the seed's ENT is used in Spain and Latin
 * America): every message bundle of every module (pages, problems, reports, the login theme) has its three
 * languages, with the same keys and the same {0}-style placeholders, so that no page falls back to French for a
 * Spanish reader or loses a value in a sentence.
 */
class EveryTextInThreeLanguagesTest {

    /** A bundle file: {@code messages.properties} (French, the default), {@code messages_en.properties}... */
    private static final Pattern BUNDLE = Pattern.compile("(messages|reports)(_(fr|en|es))?\\.properties");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    @Test
    void everyBundleHasFrenchEnglishAndSpanishWithTheSameKeysAndPlaceholders() throws IOException {
        Map<Path, Map<String, Properties>> bundles = bundles();
        assertThat(bundles).as("message bundles found").hasSizeGreaterThanOrEqualTo(7);
        List<String> faults = new ArrayList<>();
        bundles.forEach((base, languages) -> {
            Properties french = languages.get("fr");
            if (french == null) {
                faults.add(base + ": no French file");
                return;
            }
            for (String language : List.of("en", "es")) {
                Properties other = languages.get(language);
                if (other == null) {
                    faults.add(base + ": no " + language + " file");
                    continue;
                }
                for (String key : new TreeSet<>(french.stringPropertyNames())) {
                    String text = other.getProperty(key);
                    if (text == null) {
                        faults.add(base + "_" + language + ": " + key + " missing");
                    } else if (!placeholders(text).equals(placeholders(french.getProperty(key)))) {
                        faults.add(base + "_" + language + ": " + key + " has placeholders " + placeholders(text)
                                + ", French " + placeholders(french.getProperty(key)));
                    }
                }
                other.stringPropertyNames().stream().filter(k -> !french.containsKey(k)).sorted()
                        .forEach(k -> faults.add(base + "_" + language + ": " + k + " not in French"));
            }
        });
        assertThat(faults).as("texts not in all three languages").isEmpty();
    }

    private static TreeSet<String> placeholders(String text) {
        TreeSet<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** Bundle base path (module-relative, without language) → language → its texts. */
    private static Map<Path, Map<String, Properties>> bundles() throws IOException {
        Path root = OurSources.repositoryRoot();
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> found = files.filter(f -> BUNDLE.matcher(f.getFileName().toString()).matches())
                    .filter(f -> root.relativize(f).toString().replace('\\', '/').matches("(.+/)?src/main/resources/.+"))
                    .toList();
            Map<Path, Map<String, Properties>> bundles = new TreeMap<>();
            for (Path file : found) {
                Matcher m = BUNDLE.matcher(file.getFileName().toString());
                m.matches();
                String language = m.group(3) == null ? "fr" : m.group(3);
                Path base = root.relativize(file.resolveSibling(m.group(1)));
                bundles.computeIfAbsent(base, b -> new TreeMap<>()).put(language, read(file));
            }
            return bundles;
        }
    }

    private static Properties read(Path file) throws IOException {
        Properties texts = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            texts.load(in);
        }
        return texts;
    }
}
