package fr.ent.platform.apps.directory;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How the directory compares names: "Maëlle  CHAINTREUIL" and "maelle chaintreuil" are the same person for a
 * search or an import match, because exports and people type accents and case inconsistently.
 */
public final class Text {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Text() {
    }

    /** Lower-case, accent-free, single-spaced, trimmed; typographic apostrophes become plain ones. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String plain = MARKS.matcher(decomposed).replaceAll("").replace('\u2019', '\'').replace('\u00A0', ' ');
        return SPACES.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** The {@code ent_user.search_key} of a person: folded "lastname firstname". */
    public static String searchKey(String lastName, String firstName) {
        return fold(lastName + " " + firstName);
    }

    /** Trimmed text, or null when nothing is left. */
    public static String trimToNull(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /**
     * The words of a name search, folded like the search key. LIKE wildcards and the escape character are dropped:
     * names do not contain them, and a search must not turn into a pattern.
     */
    public static java.util.List<String> searchWords(String q) {
        String folded = fold(q).replaceAll("[%_\\\\]", " ").strip();
        return folded.isEmpty() ? java.util.List.of() : java.util.List.of(folded.split(" +"));
    }
}
