package fr.ent.platform.apps.wiki.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.apps.wiki.Diffs;
import fr.ent.platform.apps.wiki.Inputs;
import fr.ent.platform.apps.wiki.Views;
import gg.jte.output.StringOutput;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the templates show to a writer and to a reader, and what they escape (all but the sanitized content). */
class WikiPagesTest {

    static final UUID WIKI = UUID.randomUUID();
    static final UUID PAGE = UUID.randomUUID();
    static final UUID CHILD = UUID.randomUUID();
    static final Instant AT = Instant.parse("2026-12-04T20:05:00Z");

    @Test
    void a_page_shows_its_trail_content_and_children_and_its_actions_only_to_writers() {
        Map<String, Object> params = params();
        params.put("page", page(true));
        params.put("parents", List.of(new Views.Crumb(CHILD, "Le printemps")));
        String writer = render("page.jte", params);
        assertThat(writer).contains("<p>Les <b>saisons</b></p>", "&lt;i&gt;Wiki&lt;/i&gt;", "/wiki/pages/" + CHILD,
                "/wiki/pages/" + PAGE + "/edit", "/wiki/wikis/" + WIKI + "/new?parent=" + PAGE, "Historique",
                "Version 3, par Sophie Martin, le 4 décembre 2026 à 21:05", "Déplacer cette page",
                "action=\"/wiki/pages/" + PAGE + "/move\"")
                .doesNotContain("Supprimer cette page"); // it has a child
        params.put("page", page(false));
        params.put("parents", List.of());
        assertThat(render("page.jte", params)).contains("Historique").doesNotContain("/edit", "?parent=", "/move");
    }

    @Test
    void a_stale_save_shows_the_page_as_it_is_now_above_what_was_typed() {
        Map<String, Object> params = params();
        params.put("wiki", null);
        params.put("page", page(true));
        params.put("input", new Inputs.PageInput("Titre \"<x>\"", "<p>mon texte</p>", null, 3));
        params.put("error", "La page a changé entre-temps");
        params.put("current", page(true));
        params.put("field", WikiPages.field((Texts) params.get("t"), page(true),
                (Inputs.PageInput) params.get("input"), true, "jeton"));
        String html = render("editor.jte", params);
        assertThat(html).contains("La page telle qu'elle est maintenant (version 3, par Sophie Martin)",
                "name=\"baseVersion\" value=\"3\"", "Titre &#34;&lt;x>&#34;", "&lt;p&gt;mon texte&lt;/p&gt;",
                "role=\"alert\"", "<label for=\"wiki-page-content\">")
                .doesNotContain("data-live", "live-editor.js"); // what they typed is not the stored version: plain
    }

    @Test
    void the_editor_of_a_stored_page_is_the_shared_editor_live_with_the_others_and_still_a_plain_form() {
        Map<String, Object> params = params();
        params.put("wiki", null);
        params.put("page", page(true));
        Inputs.PageInput input = new Inputs.PageInput("Les saisons", "\n<p>Les \"saisons\"</p>", null, 3);
        params.put("input", input);
        params.put("error", null);
        params.put("current", null);
        params.put("field", WikiPages.field((Texts) params.get("t"), page(true), input, false, "jeton"));
        String html = render("editor.jte", params);
        assertThat(html).contains("data-live=\"/wiki/pages/" + PAGE + "/live\"", "data-version=\"3\"",
                "data-version-field=\"baseVersion\"", "data-csrf=\"jeton\"", "<script src=\"/static/live-editor.js\" defer>",
                "role=\"status\" aria-live=\"polite\"", "{0} personnes modifient cette page.",
                "Hors ligne — vos modifications seront envoyées à la reconnexion.",
                // the textarea's first line break is eaten by HTML: one is written so that the text keeps its own
                "spellcheck=\"true\">\n\n&lt;p&gt;Les \"saisons\"&lt;/p&gt;</textarea>",
                "<button type=\"submit\">", "name=\"baseVersion\" value=\"3\"",
                // the one editor's toolbar, hidden until its script shows it (a plain form without scripts)
                "role=\"toolbar\" aria-label=\"Mise en forme : Contenu\" aria-controls=\"wiki-page-content\" hidden",
                "aria-keyshortcuts=\"Control+B\"", "<script src=\"/static/rich-editor.js\" defer></script>");
    }

    @Test
    void a_long_history_is_listed_a_page_at_a_time_with_links_to_the_older_and_the_newest_versions() {
        Map<String, Object> params = params();
        params.put("page", page(true));
        params.put("versions", List.of(new Views.Version(1000, "Les saisons", "Sophie Martin", AT, null, true),
                new Views.Version(999, "Les saisons", "Sophie Martin", AT, null, false)));
        params.put("older", 999);
        assertThat(render("history.jte", params)).contains("reversed start=\"1000\"",
                "<nav class=\"wiki-more\" aria-label=\"Parcourir l&#39;historique\">",
                "href=\"/wiki/pages/" + PAGE + "/history?before=999\">Versions plus anciennes</a>")
                .doesNotContain("Les versions les plus récentes");
        params.put("versions", List.of(new Views.Version(998, "Les saisons", "Sophie Martin", AT, null, false)));
        params.put("older", null);
        assertThat(render("history.jte", params)).contains("reversed start=\"998\"",
                "href=\"/wiki/pages/" + PAGE + "/history\">Les versions les plus récentes</a>")
                .doesNotContain("Versions plus anciennes");
    }

    @Test
    void the_history_and_the_diff_say_what_changed_in_words() {
        Map<String, Object> params = params();
        params.put("page", page(true));
        params.put("versions", List.of(new Views.Version(3, "Les saisons", "Sophie Martin", AT, 1, true),
                new Views.Version(2, "Les saisons", "Sophie Martin", AT, null, false),
                new Views.Version(1, "Saisons", "Sophie Martin", AT, null, false)));
        params.put("older", null);
        assertThat(render("history.jte", params)).contains("rétablit la version 1", "actuelle",
                "/wiki/pages/" + PAGE + "/versions/2", "action=\"/wiki/pages/" + PAGE + "/diff\"",
                "reversed start=\"3\"").doesNotContain("Versions plus anciennes", "Les versions les plus récentes");
        params.put("diff", new Views.Comparison(PAGE, "Les saisons", 1, 2, "Saisons", "Les saisons",
                List.of(new Diffs.Row(Diffs.Kind.SAME, "un"), new Diffs.Row(Diffs.Kind.REMOVED, "<deux>"),
                        new Diffs.Row(Diffs.Kind.ADDED, "trois"))));
        assertThat(render("diff.jte", params)).contains("Titre changé : « Saisons » devient « Les saisons ».",
                "Retiré :", "<del>&lt;deux&gt;</del>", "Ajouté :", "<ins>trois</ins>");
    }

    static Views.Page page(boolean writes) {
        return new Views.Page(PAGE, WIKI, "<i>Wiki</i>", null, "Les saisons", "<p>Les <b>saisons</b></p>",
                "<p>Les <b>saisons</b></p>", 3, AT, "Sophie Martin", List.of(), List.of(),
                List.of(new Views.Node(CHILD, "Le printemps", List.of())), writes);
    }

    static Map<String, Object> params() {
        Map<String, Object> params = new HashMap<>();
        params.put("t", new Texts(Locale.FRENCH, ZoneId.of("Europe/Paris")));
        params.put("title", "Titre");
        params.put("csrf", "secret-token");
        params.put("notice", null);
        return params;
    }

    static String render(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        WikiPages.TEMPLATES.render(template, params, out);
        return out.toString();
    }
}
