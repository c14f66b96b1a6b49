package fr.ent.platform.apps.actualites.web;

import fr.ent.platform.runtime.text.RichText;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The bridge between an item's rich text and the FALC rewrite, which reads and writes plain text: paragraphs,
 * list items and line breaks become lines (what the rewrite and its readability figures count as sentences), and a
 * proposal's lines become paragraphs again.
 */
public final class FalcText {

    private static final Pattern BLOCK_END = Pattern.compile(
            "(?i)<br\\s*/?>|</(p|li|h[1-6]|div|blockquote|pre|tr|dd|dt)>");
    /** Inline markup, removed without a space so that « <b>matin</b>, » stays « matin, ». */
    private static final Pattern INLINE = Pattern.compile(
            "(?i)</?(a|b|i|u|em|strong|s|strike|sub|sup|span|code|small|big|tt|font)(\\s[^>]*)?>");
    private static final Pattern LINE = Pattern.compile("\\R");

    private FalcText() {
    }

    /** The text of what the author typed (sanitized first, as it would be stored), one block per line. */
    public static String plain(String html) {
        return Arrays.stream(BLOCK_END.split(RichText.sanitize(html))).map(block -> RichText.plain(INLINE.matcher(block).replaceAll("")))
                .filter(line -> !line.isEmpty()).collect(Collectors.joining("\n"));
    }

    /** A plain text's lines, for showing them as paragraphs. */
    public static List<String> lines(String plain) {
        return Arrays.stream(LINE.split(plain == null ? "" : plain)).map(String::strip).filter(l -> !l.isEmpty())
                .toList();
    }

    /** A plain text as the editor's rich text: one paragraph per line, its characters escaped. */
    public static String html(String plain) {
        return lines(plain).stream().map(l -> "<p>" + escape(l) + "</p>").collect(Collectors.joining("\n"));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
