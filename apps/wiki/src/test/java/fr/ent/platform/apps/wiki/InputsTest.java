package fr.ent.platform.apps.wiki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.problem.InvalidInput;
import org.junit.jupiter.api.Test;

/** What a writer sends, checked and sanitized before anything is stored. */
class InputsTest {

    @Test
    void hostile_html_is_sanitized_and_plain_text_keeps_its_lines() {
        Inputs.CheckedPage p = Inputs.page(new Inputs.PageInput(" Les saisons ",
                "<p onclick=\"x()\">Été<script>alert(1)</script><img src=x onerror=alert(2)>"
                        + "<a href=\"javascript:alert(3)\">lien</a><iframe src=\"//evil\"></iframe></p>", null, 1));
        assertThat(p.title()).isEqualTo("Les saisons");
        assertThat(p.content()).contains("Été", "lien").doesNotContain("script", "onclick", "onerror", "img",
                "javascript", "iframe");
        assertThat(Inputs.page(new Inputs.PageInput("t", "ligne 1\n\nligne 2 & 3", null, 1)).content())
                .isEqualTo("<p>ligne 1</p><p>ligne 2 &amp; 3</p>");
    }

    @Test
    void titles_are_required_short_and_free_of_link_brackets() {
        for (String bad : new String[] {null, " ", "x".repeat(121), "a [[b]]", "a|b"}) {
            assertThatThrownBy(() -> Inputs.title(bad)).isInstanceOf(InvalidInput.class);
        }
        assertThatThrownBy(() -> Inputs.baseVersion(null)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Inputs.baseVersion(0)).isInstanceOf(InvalidInput.class);
        assertThat(Inputs.baseVersion(3)).isEqualTo(3);
        assertThatThrownBy(() -> Inputs.owner(new Inputs.WikiInput("galaxy", java.util.UUID.randomUUID()
                .toString(), "x"))).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Inputs.owner(new Inputs.WikiInput("class", "nope", "x")))
                .isInstanceOf(InvalidInput.class);
    }
}
