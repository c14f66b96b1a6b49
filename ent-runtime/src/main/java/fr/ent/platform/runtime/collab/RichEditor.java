package fr.ent.platform.runtime.collab;

import fr.ent.platform.runtime.web.Pages;
import gg.jte.Content;
import gg.jte.TemplateOutput;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;

/**
 * The one rich-text editor field of the portal's forms (issue 16): a labelled plain textarea, which works with a
 * phone's keyboard, a screen reader and without a script, and, when the app gives a live channel, the shared editor
 * script ({@code /static/live-editor.js}) that makes it a live session with the other editors of the same resource
 * (ADR 0037). An app's template writes {@code ${editor}} where the field goes, inside its own form, which keeps its
 * own save button, anti-forgery token and hidden fields (e.g. the version the text builds on, named by
 * {@code versionField}, which the script moves on when someone saves from the session).
 *
 * @param id the textarea's id (its label points to it)
 * @param name the form field
 * @param label the visible label, in the reader's language
 * @param hint what may be written (shown under the field, read with it)
 * @param value the text the field starts with
 * @param live the channel of the resource's live session, or null for a plain field
 * @param csrf the session's anti-forgery token (sent with each batch)
 * @param version the stored version the value is, as the live session counts them
 * @param versionField the name of the form's hidden field holding the version the save builds on, or null
 * @param locale the reader's language, for the status lines
 */
public record RichEditor(String id, String name, String label, String hint, String value, String live, String csrf,
        int version, String versionField, Locale locale) implements Content {

    /** A plain field, no live session (a new page, an app without one). */
    public static RichEditor plain(String id, String name, String label, String hint, String value, Locale locale) {
        return new RichEditor(id, name, label, hint, value, null, null, 0, null, locale);
    }

    /** A status line of the live session in the reader's language, {0} filled in the browser. */
    public String text(String key) {
        return Pages.text("editor.live." + key, locale);
    }

    /** The "n people are editing" line with its {0} kept for the script. */
    public String editorsText() {
        return new MessageFormat(text("editors"), locale).format(new Object[] {"{0}"});
    }

    @Override
    public void writeTo(TemplateOutput output) {
        Pages.renderTo("rich-editor.jte", Map.of("editor", this), output);
    }
}
