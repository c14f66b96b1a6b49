package fr.ent.platform.runtime.text;

import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * The one sanitizer of HTML that users write (message bodies, news, later the diary and wikis), applied on the
 * server before anything is stored: whatever a browser or a crafted request sends, what is kept is text
 * formatting, lists, quotes, headings, tables and links. No script, style, event handler, frame, form or image
 * survives (images come as attachments); links keep only http, https and mailto and get
 * {@code rel="noopener noreferrer nofollow"} so that an opened link cannot reach back to the ENT's page.
 */
public final class RichText {

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("a")
                    .allowUrlProtocols("http", "https", "mailto")
                    .allowAttributes("href").onElements("a")
                    .requireRelsOnLinks("noopener", "noreferrer", "nofollow")
                    .allowAttributes("target").matching(Pattern.compile("_blank")).onElements("a")
                    .allowElements("hr", "pre", "code")
                    .toFactory());

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final String BLOCKS = "(?:p|div|ul|ol|li|dl|dt|dd|h[1-6]|blockquote|pre|table|caption|thead|tbody|tfoot|tr|td|th|hr|br)\\b";
    private static final Pattern BLOCK_START = Pattern.compile("</?" + BLOCKS, Pattern.CASE_INSENSITIVE);
    private static final Pattern BLOCK_OPEN = Pattern.compile("<(?!(?:hr|br)\\b)" + BLOCKS + "[^>]*(?<!/)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern BLOCK_CLOSE = Pattern.compile("</" + BLOCKS + "[^>]*>", Pattern.CASE_INSENSITIVE);

    private RichText() {
    }

    /** The HTML that may be stored and shown: {@code html} with everything the policy refuses removed. */
    public static String sanitize(String html) {
        return html == null ? "" : POLICY.sanitize(html);
    }

    /**
     * What a writer typed, as HTML to sanitize. The editor (rich-editor.jte) is a plain textarea whose toolbar writes
     * tags into the text, so a text mixes lines and markup: each non-empty line outside any block element becomes a
     * paragraph (escaped when the text has no markup at all), lines that open or sit inside a block element (a list,
     * a quote, a heading, a stored page's paragraphs) are kept as they are. So stored HTML shown again in the field
     * comes back unchanged, plain text keeps its lines, and a word put in bold does not run every line together.
     * The sanitizer decides what stays.
     */
    public static String typed(String content) {
        if (content == null) {
            return null;
        }
        boolean markup = content.contains("<");
        StringBuilder html = new StringBuilder();
        int depth = 0; // block elements opened and not yet closed by the lines before
        for (String line : content.split("\\R")) {
            String text = line.strip();
            if (markup && (depth > 0 || BLOCK_START.matcher(text).lookingAt())) {
                html.append(line).append('\n');
            } else if (!text.isEmpty()) {
                html.append("<p>").append(markup ? text : text.replace("&", "&amp;").replace(">", "&gt;")).append("</p>");
            }
            if (markup) {
                depth = Math.max(0, depth + count(BLOCK_OPEN, text) - count(BLOCK_CLOSE, text));
            }
        }
        return markup ? html.toString().strip() : html.toString();
    }

    private static int count(Pattern tag, String text) {
        return (int) tag.matcher(text).results().count();
    }

    /**
     * The words of sanitized HTML, without markup, as search indexes, notifications and e-mails use them; entities
     * the sanitizer wrote are decoded.
     */
    public static String plain(String sanitizedHtml) {
        String text = TAG.matcher(sanitizedHtml == null ? "" : sanitizedHtml.replace("<br />", " ").replace("</p>", " "))
                .replaceAll(" ");
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", "\"").replace("&#39;", "'")
                .replace("&#43;", "+").replace("&#61;", "=").replace("&#64;", "@").replace("&#96;", "`")
                .replace("&quot;", "\"").replace("&nbsp;", " ").replace("&amp;", "&");
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    /** The first {@code max} characters of the plain text, cut at a word, with an ellipsis when cut. */
    public static String excerpt(String sanitizedHtml, int max) {
        String text = plain(sanitizedHtml);
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max);
        return text.substring(0, cut > max / 2 ? cut : max) + "…";
    }
}
