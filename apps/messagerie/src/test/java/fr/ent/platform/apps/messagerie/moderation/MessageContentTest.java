package fr.ent.platform.apps.messagerie.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the notifications of a neutralized message say instead of its subject, in each language. */
class MessageContentTest {

    @Test
    void theMaskedNoticeNamesTheAuthorAndThePlaceholderNeverTheSubject() {
        var texts = MessageContent.maskedNotice("Sophie Martin");
        assertThat(texts).containsOnlyKeys("fr", "en", "es");
        assertThat(texts.get("fr")).isEqualTo("Sophie Martin vous a écrit : Contenu masqué par la modération");
        assertThat(texts.get("en")).contains("Sophie Martin", "Content hidden by moderation");
        assertThat(texts.get("es")).contains("Sophie Martin", "Contenido ocultado por la moderación");
    }
}
