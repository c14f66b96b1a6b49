package fr.ent.platform.apps.messagerie.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.problem.InvalidInput;
import org.junit.jupiter.api.Test;

class CompositionTest {

    @Test
    void html_is_sanitized_and_its_words_kept_for_search() {
        Composition c = Composition.of("  Sortie <b>au musée</b> ", "<p onmouseover=\"x()\">Bonjour <script>alert(1)"
                + "</script><a href=\"https://musee.example\">le musée</a></p>", 1000);
        assertThat(c.subject()).isEqualTo("Sortie <b>au musée</b>"); // a subject is text: the page escapes it
        assertThat(c.body()).doesNotContain("script", "onmouseover").contains("rel=\"");
        assertThat(c.bodyText()).isEqualTo("Bonjour le musée");
    }

    @Test
    void plain_text_becomes_paragraphs_and_is_escaped() {
        Composition c = Composition.of("Objet", "Bonjour,\n\nLa sortie est à 8h.\nÀ demain < 3", 1000);
        assertThat(c.body()).isEqualTo("<p>Bonjour,</p><p>La sortie est à 8h.<br />À demain &lt; 3</p>");
    }

    @Test
    void a_word_put_in_bold_by_the_editor_does_not_run_the_lines_together() {
        Composition c = Composition.of("Objet", "Bonjour,\n\nLa sortie est <strong>lundi</strong>.\nÀ demain", 1000);
        assertThat(c.body()).isEqualTo("<p>Bonjour,</p><p>La sortie est <strong>lundi</strong>.</p><p>À demain</p>");
    }

    @Test
    void subjects_and_bodies_past_their_limits_are_refused() {
        assertThatThrownBy(() -> Composition.of("x".repeat(256), "", 1000)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("subject");
        assertThatThrownBy(() -> Composition.of("ok", "<p>" + "a".repeat(1000) + "</p>", 1000))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("body");
        assertThatThrownBy(() -> Composition.of("ok", "a".repeat(5000), 1000)).isInstanceOf(InvalidInput.class);
    }
}
