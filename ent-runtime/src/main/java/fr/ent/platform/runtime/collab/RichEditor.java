package fr.ent.platform.runtime.collab;

import fr.ent.platform.runtime.web.Pages;
import gg.jte.Content;
import gg.jte.TemplateOutput;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;

/**
 * The one rich-text editor field of the portal's forms (issue 16), used by the messagerie, the news, the diary, the
 * wiki and the courses: a labelled plain textarea, which works with a phone's keyboard, a screen reader and without
 * a script; with scripts, a formatting toolbar ({@code /static/rich-editor.js}: bold, italic, heading, list, quote,
 * link written as the tags the one sanitizer keeps, {@code RichText.typed} reads them back) and, when the app gives
 * a live channel (a shared document: wiki pages), the live session with the other editors of the same resource
 * ({@code /static/live-editor.js}, ADR 0037). Elsewhere it is single-user. An app's template writes
 * {@code ${editor}} where the field goes, inside its own form, which keeps its own save button, anti-forgery token
 * and hidden fields (e.g. the version the text builds on, named by {@code versionField}, which the live script
 * moves on when someone saves from the session).
 *
 * @param id the textarea's id (its label points to it)
 * @param name the form field
 * @param label the visible label, in the reader's language
 * @param hint what may be written (shown under the field, read with it)
 * @param value the text the field starts with
 * @param rows the field's height in lines
 * @param required whether the form needs some text (the browser says so before posting, the server checks anyway)
 * @param live the channel of the resource's live session, or null for a single-user field
 * @param csrf the session's anti-forgery token (sent with each batch)
 * @param version the stored version the value is, as the live session counts them
 * @param versionField the name of the form's hidden field holding the version the save builds on, or null
 * @param locale the reader's language, for the toolbar and the status lines
 */
public record RichEditor(String id, String name, String label, String hint, String value, int rows, boolean required,
        String live, String csrf, int version, String versionField, Locale locale) implements Content {

    /**
     * The visual editor's library (Squire, MIT, ADR 0045), vendored from its npm package into the runtime's static
     * files at the version pinned in the parent pom ({@code squire-rte.version}); not on Maven Central as a WebJar.
     */
    public static final String SQUIRE = "/static/vendor/squire-rte-2.4.8/squire.js";

    /** A single-user field (a message, a news item, a diary entry, a new page). */
    public static RichEditor plain(String id, String name, String label, String hint, String value, Locale locale) {
        return new RichEditor(id, name, label, hint, value, 14, false, null, null, 0, null, locale);
    }

    /** The same field, live with the other editors of the resource behind {@code channel}. */
    public RichEditor live(String channel, String csrf, int version, String versionField) {
        return new RichEditor(id, name, label, hint, value, rows, required, channel, csrf, version, versionField, locale);
    }

    /** The same field, {@code lines} high. */
    public RichEditor withRows(int lines) {
        return new RichEditor(id, name, label, hint, value, lines, required, live, csrf, version, versionField, locale);
    }

    /** The same field, which may not be left empty. */
    public RichEditor mandatory() {
        return new RichEditor(id, name, label, hint, value, rows, true, live, csrf, version, versionField, locale);
    }

    /** A text of the editor in the reader's language ({@code editor.*} of the platform's bundle). */
    public String text(String key) {
        return Pages.text("editor." + key, locale);
    }

    /** The toolbar's name, read before its buttons: "Mise en forme : <the field's label>". */
    public String toolbarLabel() {
        return new MessageFormat(text("toolbar"), locale).format(new Object[] {label});
    }

    /** The "n people are editing" line with its {0} kept for the script. */
    public String editorsText() {
        return new MessageFormat(text("live.editors"), locale).format(new Object[] {"{0}"});
    }

    @Override
    public void writeTo(TemplateOutput output) {
        Pages.renderTo("rich-editor.jte", Map.of("editor", this), output);
    }
}
