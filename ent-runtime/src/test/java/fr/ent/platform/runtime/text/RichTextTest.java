package fr.ent.platform.runtime.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RichTextTest {

    @Test
    void scripts_handlers_styles_and_frames_do_not_survive() {
        String hostile = "<p onclick=\"steal()\">Bonjour <script>alert(1)</script><b>élèves</b></p>"
                + "<img src=x onerror=alert(2)><iframe src=\"https://evil.example\"></iframe>"
                + "<style>body{display:none}</style><form action=/x><input name=a></form>"
                + "<a href=\"javascript:alert(3)\">lien</a>";
        String clean = RichText.sanitize(hostile);
        assertThat(clean).doesNotContainIgnoringCase("script").doesNotContainIgnoringCase("onclick")
                .doesNotContainIgnoringCase("onerror").doesNotContainIgnoringCase("iframe")
                .doesNotContainIgnoringCase("<style").doesNotContainIgnoringCase("<form")
                .doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("javascript:")
                .contains("<b>élèves</b>").contains("Bonjour");
    }

    @Test
    void links_keep_their_address_and_get_noopener() {
        String clean = RichText.sanitize("<a href=\"https://eduscol.education.fr/\" target=\"_blank\">Éduscol</a>");
        assertThat(clean).contains("href=\"https://eduscol.education.fr/\"").contains("noopener")
                .contains("noreferrer").contains(">Éduscol</a>");
    }

    @Test
    void formatting_lists_and_quotes_are_kept() {
        String html = "<h2>Sortie</h2><ul><li><strong>lundi</strong></li><li><em>mardi</em></li></ul>"
                + "<blockquote>à retenir</blockquote>";
        assertThat(RichText.sanitize(html)).isEqualTo(html);
    }

    @Test
    void plain_text_drops_markup_and_decodes_what_the_sanitizer_escaped() {
        String clean = RichText.sanitize("<p>Rendez-vous à 8h &amp; 9h</p><p>« 3 &lt; 4 »</p>");
        assertThat(RichText.plain(clean)).isEqualTo("Rendez-vous à 8h & 9h « 3 < 4 »");
        assertThat(RichText.plain(null)).isEmpty();
    }

    @Test
    void an_excerpt_is_cut_at_a_word() {
        assertThat(RichText.excerpt("<p>La sortie au musée est reportée</p>", 20)).isEqualTo("La sortie au musée…");
        assertThat(RichText.excerpt("<p>Court</p>", 20)).isEqualTo("Court");
    }

    @Test
    void typed_text_keeps_its_lines_and_html_is_left_to_the_sanitizer() {
        assertThat(RichText.typed("Lire p. 12\n\n  Exercices 3 & 4 > 2  \r\nFin")).isEqualTo(
                "<p>Lire p. 12</p><p>Exercices 3 &amp; 4 &gt; 2</p><p>Fin</p>");
        assertThat(RichText.typed("<p>Déjà du <b>HTML</b></p>")).isEqualTo("<p>Déjà du <b>HTML</b></p>");
        assertThat(RichText.sanitize(RichText.typed("a <script>x</script>"))).doesNotContain("script");
        assertThat(RichText.typed(null)).isNull();
    }
}
