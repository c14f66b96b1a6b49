package fr.ent.platform.apps.wiki;

import fr.ent.platform.runtime.text.RichText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links between pages of one wiki, written {@code [[Titre de la page]]} in the text (a phone's keyboard has the
 * brackets; no page id to copy). They are resolved when the page is shown, not when it is saved, so that a page
 * created or renamed later mends or breaks its links at once: a title of a page of the same wiki (case aside) becomes
 * a link to it, any other is shown as a broken link (marked, with no target). Only the text between tags is read, so
 * brackets inside an attribute are left alone; what is written back is escaped here (pure: unit-tested).
 */
public final class Links {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern LINK = Pattern.compile("\\[\\[([^\\[\\]|]{1,200})]]");

    private Links() {
    }

    /** One link of a page: the title it names and the page of the wiki it leads to, if any. */
    public record Link(String title, Optional<UUID> page) {

        public boolean broken() {
            return page.isEmpty();
        }
    }

    /** Sanitized HTML with its links resolved, and the links it holds in order (each title once). */
    public record Resolved(String html, List<Link> links) {
    }

    /** The key a title is found by: case and surrounding spaces aside. */
    public static String key(String title) {
        return title.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Resolves the links of {@code sanitizedHtml} against the wiki's pages ({@link #key} of a title to its page id).
     * {@code broken} is the text shown after a broken link's title (« page inexistante »).
     */
    public static Resolved resolve(String sanitizedHtml, Map<String, UUID> pagesByKey, String broken) {
        StringBuilder html = new StringBuilder();
        Map<String, Link> links = new LinkedHashMap<>();
        Matcher tags = TAG.matcher(sanitizedHtml);
        int at = 0;
        while (tags.find()) {
            text(sanitizedHtml.substring(at, tags.start()), pagesByKey, broken, html, links);
            html.append(tags.group());
            at = tags.end();
        }
        text(sanitizedHtml.substring(at), pagesByKey, broken, html, links);
        return new Resolved(html.toString(), new ArrayList<>(links.values()));
    }

    private static void text(String text, Map<String, UUID> pages, String broken, StringBuilder html,
            Map<String, Link> links) {
        Matcher m = LINK.matcher(text);
        int at = 0;
        while (m.find()) {
            html.append(text, at, m.start());
            // the sanitizer wrote entities (&#39;, &amp;): the title is read as the reader sees it
            String title = RichText.plain(m.group(1));
            Optional<UUID> page = title.isEmpty() ? Optional.empty() : Optional.ofNullable(pages.get(key(title)));
            links.putIfAbsent(key(title), new Link(title, page));
            if (page.isPresent()) {
                html.append("<a class=\"wiki-link\" href=\"/wiki/pages/").append(page.get()).append("\">")
                        .append(escape(title)).append("</a>");
            } else {
                html.append("<span class=\"wiki-broken\">").append(escape(title))
                        .append(" <small>(").append(escape(broken)).append(")</small></span>");
            }
            at = m.end();
        }
        html.append(text.substring(at));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
