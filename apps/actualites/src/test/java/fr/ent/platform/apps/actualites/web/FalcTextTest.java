package fr.ent.platform.apps.actualites.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The bridge between the editor's rich text and the FALC rewrite's plain text, and where a draft's forms go. */
class FalcTextTest {

    @Test
    void paragraphsAndListItemsBecomeLinesWithoutMarkupNorScript() {
        String plain = FalcText.plain("<p>Jeudi <b>matin</b>, départ à 9 h.</p><ul><li>un goûter</li><li>un cahier"
                + "</li></ul><script>alert(1)</script>Fin<br>l&#39;école");
        assertThat(plain).isEqualTo("Jeudi matin, départ à 9 h.\nun goûter\nun cahier\nFin\nl'école");
    }

    @Test
    void aProposalsLinesBecomeEscapedParagraphs() {
        assertThat(FalcText.html("Venez jeudi.\r\n\n  Apportez <un> goûter & un cahier.  "))
                .isEqualTo("<p>Venez jeudi.</p>\n<p>Apportez &lt;un&gt; goûter &amp; un cahier.</p>");
        assertThat(FalcText.lines(null)).isEmpty();
    }

    @Test
    void aDraftSavesAsANewItemOfItsThreadOrAsTheItemsRewrite() {
        UUID id = UUID.randomUUID();
        Draft fresh = new Draft("threads", id, null, null);
        assertThat(fresh.save()).isEqualTo("/actualites/threads/" + id + "/items");
        assertThat(fresh.title()).isEmpty();
        assertThat(fresh.falc()).isEqualTo("/actualites/threads/" + id + "/falc");
        Draft rewrite = new Draft("items", id, "T", "<p>x</p>");
        assertThat(rewrite.save()).isEqualTo("/actualites/items/" + id + "/edit");
        assertThat(rewrite.editor()).isEqualTo("/actualites/items/" + id + "/editor");
        assertThat(rewrite.back()).isEqualTo("/actualites/items/" + id);
    }
}
