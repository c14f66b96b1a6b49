package fr.ent.platform.apps.communities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.problem.InvalidInput;
import org.junit.jupiter.api.Test;

/** What is stored of what people type: sanitized rich text, bounded names and titles. */
class InputsTest {

    @Test
    void hostile_html_is_sanitized_and_plain_lines_become_paragraphs() {
        String safe = Inputs.content("<p onclick=\"steal()\">Bonjour</p><script>alert(1)</script>"
                + "<img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">lien</a>");
        assertThat(safe).contains("Bonjour").doesNotContain("script").doesNotContain("onclick")
                .doesNotContain("onerror").doesNotContain("javascript:");
        assertThat(Inputs.content("ligne 1\nligne 2")).isEqualTo("<p>ligne 1</p><p>ligne 2</p>");
    }

    @Test
    void what_is_empty_once_sanitized_or_too_long_is_refused() {
        assertThatThrownBy(() -> Inputs.content("<script>alert(1)</script>")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Inputs.content("x".repeat(Inputs.CONTENT_MAX + 1)))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Inputs.name("  ")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Inputs.title("t".repeat(121))).isInstanceOf(InvalidInput.class);
        assertThat(Inputs.name("  Club théâtre ")).isEqualTo("Club théâtre");
    }
}
