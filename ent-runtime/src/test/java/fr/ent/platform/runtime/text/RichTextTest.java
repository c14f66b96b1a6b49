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

    @Test
    void markup_from_the_toolbar_keeps_the_lines_around_it() {
        // a word put in bold: every other line stays a paragraph
        assertThat(RichText.typed("Bonjour,\nla sortie est <strong>lundi</strong>.\n\nMerci")).isEqualTo(
                "<p>Bonjour,</p><p>la sortie est <strong>lundi</strong>.</p><p>Merci</p>");
        // a list written over several lines is kept whole, the lines around it become paragraphs
        String list = RichText.typed("À apporter :\n<ul>\n<li>un cahier</li>\n<li>un stylo</li>\n</ul>\nFin");
        assertThat(RichText.sanitize(list)).isEqualTo(
                "<p>À apporter :</p><ul><li>un cahier</li><li>un stylo</li></ul>\n<p>Fin</p>");
        // text inside a block element over several lines is not cut into paragraphs
        assertThat(RichText.typed("<blockquote>une\ncitation</blockquote>")).isEqualTo("<blockquote>une\ncitation</blockquote>");
        // stored HTML shown again in the field comes back as it was
        String stored = "<h2>Sortie</h2><ul><li><strong>lundi</strong></li></ul><p>à 8h &amp; 9h</p>";
        assertThat(RichText.sanitize(RichText.typed(stored))).isEqualTo(stored);
        assertThat(RichText.sanitize(RichText.typed("3 < 4\nFin"))).isEqualTo("<p>3 &lt; 4</p><p>Fin</p>");
        assertThat(RichText.sanitize(RichText.typed("<em>a</em>\n<img src=x onerror=alert(1)>b"))).isEqualTo("<p><em>a</em></p><p>b</p>");
    }
}
