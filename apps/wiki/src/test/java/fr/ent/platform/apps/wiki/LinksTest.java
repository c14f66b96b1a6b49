package fr.ent.platform.apps.wiki;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.runtime.text.RichText;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Links by title between pages of one wiki, resolved when shown; hostile input stays inert. */
class LinksTest {

    static final UUID SAISONS = UUID.randomUUID();
    static final Map<String, UUID> PAGES = Map.of("les saisons", SAISONS, "l'été", UUID.randomUUID());

    @Test
    void a_title_of_the_wiki_becomes_a_link_and_any_other_a_broken_link() {
        Links.Resolved r = Links.resolve(RichText.sanitize("<p>Voir [[Les Saisons]] et [[Hiver]].</p>"), PAGES,
                "page inexistante");
        assertThat(r.html()).isEqualTo("<p>Voir <a class=\"wiki-link\" href=\"/wiki/pages/" + SAISONS
                + "\">Les Saisons</a> et <span class=\"wiki-broken\">Hiver <small>(page inexistante)</small></span>.</p>");
        assertThat(r.links()).extracting(Links.Link::title, Links.Link::broken)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Les Saisons", false),
                        org.assertj.core.groups.Tuple.tuple("Hiver", true));
    }

    @Test
    void entities_the_sanitizer_wrote_are_read_as_the_reader_sees_them_and_written_back_escaped() {
        String stored = RichText.sanitize("<p>[[L'été]] [[<b>x</b>]] [[a<script>alert(1)</script>]]</p>");
        Links.Resolved r = Links.resolve(stored, PAGES, "?");
        assertThat(r.html()).contains(">L&#39;été</a>").doesNotContain("<script", "alert(1)</");
        // a link broken by markup inside it is left as text, never a tag of ours
        assertThat(r.html()).contains("<b>x</b>");
    }

    @Test
    void brackets_inside_a_tag_are_left_alone() {
        String html = "<p><a href=\"https://example.org/[[Les Saisons]]\" rel=\"nofollow\">x</a></p>";
        assertThat(Links.resolve(html, PAGES, "?").html()).isEqualTo(html);
        // the sanitizer writes ">" inside attributes as an entity: a crafted href cannot make a tag end early
        String crafted = RichText.sanitize("<a href=\"https://example.org/a>[[Les Saisons]]\">x</a>");
        assertThat(Links.resolve(crafted, PAGES, "?").html()).isEqualTo(crafted).doesNotContain("wiki-link");
    }
}
