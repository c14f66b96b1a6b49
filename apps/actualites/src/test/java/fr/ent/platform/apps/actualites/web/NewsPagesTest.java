package fr.ent.platform.apps.actualites.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.apps.actualites.Views;
import gg.jte.output.StringOutput;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The pages' paths, and what their templates escape (titles, comments) or not (content, sanitized on write). */
class NewsPagesTest {

    @Test
    void paths_name_the_home_a_thread_an_item_or_an_action_and_nothing_else() {
        UUID id = UUID.randomUUID();
        assertThat(NewsPages.Route.of(null)).contains(new NewsPages.Route("", null, ""));
        assertThat(NewsPages.Route.of("/threads")).contains(new NewsPages.Route("threads", null, ""));
        assertThat(NewsPages.Route.of("/threads/" + id)).contains(new NewsPages.Route("threads", id, ""));
        assertThat(NewsPages.Route.of("/items/" + id + "/publish"))
                .contains(new NewsPages.Route("items", id, "publish"));
        assertThat(NewsPages.Route.of("/items/not-an-id")).isEmpty();
        assertThat(NewsPages.Route.of("/other/" + id)).isEmpty();
    }

    @Test
    void an_item_page_shows_its_sanitized_content_and_escapes_everything_else() {
        Views.Item item = new Views.Item("i1", "t1", "<i>Fil</i>", "<script>x</script>", "<p><b>Jeudi</b></p>",
                "Jeudi", "published", "2026-12-03T08:00Z", null, false,
                List.of(new Views.Comment("c1", "Durand Léa", "<img src=x onerror=alert(1)>", "2026-12-03T09:00Z")));
        Map<String, Object> params = new HashMap<>();
        params.put("t", new Texts(Locale.FRENCH));
        params.put("title", item.title());
        params.put("csrf", "secret-token");
        params.put("error", null);
        params.put("item", item);
        params.put("may", new Views.Actions(false, false, false, false, true));
        params.put("falc", false);
        StringOutput out = new StringOutput();
        NewsPages.TEMPLATES.render("item.jte", params, out);
        assertThat(out.toString()).contains("<p><b>Jeudi</b></p>", "&lt;script&gt;", "&lt;i&gt;Fil&lt;/i&gt;",
                "&lt;img src=x", "name=\"csrf\" value=\"secret-token\"", "/actualites/items/i1/comments")
                .doesNotContain("<script>", "<img", "/publish", "/edit", "/delete");

        // a publisher: every action of a published item but commenting is offered; the server checks anyway
        params.put("may", new Views.Actions(true, false, true, true, false));
        StringOutput publisher = new StringOutput();
        NewsPages.TEMPLATES.render("item.jte", params, publisher);
        assertThat(publisher.toString()).contains("/actualites/items/i1/edit", "/actualites/items/i1/delete")
                .doesNotContain("/comments\"", "/submit");
    }
}
