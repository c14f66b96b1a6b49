package fr.ent.platform.apps.messagerie.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DraftTextTest {

    @Test
    void paragraphsAndLineBreaksBecomeTextAgain() {
        assertThat(DraftText.of("<p>Bonjour,</p><p>La sortie a lieu<br />jeudi &amp; vendredi.</p>"))
                .isEqualTo("Bonjour,\n\nLa sortie a lieu\njeudi & vendredi.");
    }

    @Test
    void boldAndItalicsPutWithTheEditorsToolbarStay() {
        assertThat(DraftText.of("<p>La sortie a lieu <strong>jeudi</strong>, <em>pas</em> vendredi.</p><p>Merci</p>"))
                .isEqualTo("La sortie a lieu <strong>jeudi</strong>, <em>pas</em> vendredi.\n\nMerci");
    }

    @Test
    void aQuoteIsPrefixedAsInAnEmail() {
        String reply = "<p></p><p>Sophie Martin, 3 déc. 2026 :</p><blockquote><p>Bonjour,</p><p>À jeudi.</p></blockquote>";
        assertThat(DraftText.of(reply)).isEqualTo("Sophie Martin, 3 déc. 2026 :\n\n> Bonjour,\n>\n> À jeudi.");
    }

    @Test
    void listsAndLinksStayReadable() {
        assertThat(DraftText.of("<ul><li>un</li><li>deux</li></ul><p><a href=\"https://ent.fr\" rel=\"noopener\">"
                + "le site</a></p>")).isEqualTo("- un\n- deux\n\nle site (https://ent.fr)");
        assertThat(DraftText.of("")).isEmpty();
        assertThat(DraftText.of(null)).isEmpty();
    }
}
