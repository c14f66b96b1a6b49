package fr.ent.platform.apps.messagerie.mail;

import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.runtime.text.RichText;
import java.util.regex.Pattern;

/**
 * A message's subject and body as they may be stored: the body sanitized ({@link RichText}), plain text turned into
 * paragraphs (blank lines between them, line breaks kept, as e-mail is written), text with the editor's tags read
 * line by line as every editor's text is ({@link RichText#typed}), both within their limits. Checked before anything is stored.
 *
 * @param body     sanitized HTML
 * @param bodyText its words, for search and notifications
 */
public record Composition(String subject, String body, String bodyText) {

    public static final int MAX_SUBJECT = 255;

    private static final Pattern MARKUP = Pattern.compile("<[a-zA-Z/][^>]*>");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");

    public static Composition of(String subject, String body, int maxBodyChars) {
        String s = CONTROL.matcher(subject == null ? "" : subject).replaceAll("").strip();
        if (s.length() > MAX_SUBJECT) {
            throw new InvalidInput("invalid-input", "subject : " + MAX_SUBJECT + " caractères au plus");
        }
        String raw = body == null ? "" : body;
        if (raw.length() > maxBodyChars * 2L) {
            // refused before sanitizing: no work for an oversized body
            throw new InvalidInput("invalid-input", "body : " + maxBodyChars + " caractères au plus");
        }
        String html = RichText.sanitize(MARKUP.matcher(raw).find() ? RichText.typed(raw) : paragraphs(raw));
        if (html.length() > maxBodyChars) {
            throw new InvalidInput("invalid-input", "body : " + maxBodyChars + " caractères au plus");
        }
        return new Composition(s, html, RichText.plain(html));
    }

    /** Plain text as HTML paragraphs, line breaks kept (escaping is the sanitizer's). */
    static String paragraphs(String text) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.strip().split("\\R\\s*\\R")) {
            if (!paragraph.isBlank()) {
                html.append("<p>").append(escape(paragraph.strip()).replaceAll("\\R", "<br>")).append("</p>");
            }
        }
        return html.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
