package fr.ent.platform.apps.messagerie.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A draft's stored body (sanitized HTML) as the compose page's textarea shows it: paragraphs separated by a blank
 * line, line breaks kept, quoted text prefixed with "> " as e-mail does, list items with "- ", links with their
 * address, bold and italics kept as the editor's toolbar wrote them. Saved again, the text becomes paragraphs
 * ({@code Composition}); the quote stays readable as text.
 */
final class DraftText {

    private static final Pattern LINK = Pattern.compile("<a\\b[^>]*href=\"([^\"]*)\"[^>]*>(.*?)</a>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** Every tag but the emphasis the editor's toolbar writes (kept, so that a draft keeps its bold and italics). */
    private static final Pattern TAG = Pattern.compile("<(?!/?(?:strong|em|b|i)>)[^>]*>");

    private DraftText() {
    }

    static String of(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int depth = 0;
        // split on blockquote boundaries: text inside gets one "> " per level
        Matcher quote = Pattern.compile("<(/?)blockquote[^>]*>", Pattern.CASE_INSENSITIVE).matcher(html);
        int from = 0;
        while (quote.find()) {
            append(out, html.substring(from, quote.start()), depth);
            depth = Math.max(0, depth + (quote.group(1).isEmpty() ? 1 : -1));
            from = quote.end();
        }
        append(out, html.substring(from), depth);
        return out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }

    private static void append(StringBuilder out, String html, int depth) {
        String text = LINK.matcher(html).replaceAll(m -> Matcher.quoteReplacement(
                m.group(2).equals(m.group(1)) ? m.group(2) : m.group(2) + " (" + m.group(1) + ")"));
        text = text.replaceAll("(?i)<br\\s*/?>", "\n").replaceAll("(?i)</p>|</h[1-6]>|</pre>|</ul>|</ol>|</table>",
                "\n\n").replaceAll("(?i)<li[^>]*>", "- ").replaceAll("(?i)</li>|</tr>", "\n");
        // blank lines around a section are the separation between sections, written once below
        text = decode(TAG.matcher(text).replaceAll("")).replaceAll("^\\s*\\n", "").replaceAll("\\s+$", "");
        if (text.isBlank()) {
            return;
        }
        String prefix = "> ".repeat(depth);
        for (String line : text.split("\n", -1)) {
            out.append(line.isBlank() ? prefix.strip() : prefix + line.strip()).append('\n');
        }
        out.append('\n');
    }

    private static String decode(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", "\"").replace("&#39;", "'")
                .replace("&#43;", "+").replace("&#61;", "=").replace("&#64;", "@").replace("&#96;", "`")
                .replace("&quot;", "\"").replace("&nbsp;", " ").replace("&amp;", "&");
    }
}
