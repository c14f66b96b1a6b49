package fr.ent.platform.runtime.ai.falc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadabilityTest {

    @Test
    void countsSentencesWordsAndLetters() {
        Readability r = Readability.of("L'école ouvre lundi. Venez à 8 h 30 !\nMerci");
        assertThat(r.sentences()).isEqualTo(3);
        // l, école, ouvre, lundi | venez, à, 8, h, 30 | merci
        assertThat(r.words()).isEqualTo(10);
        assertThat(r.averageSentenceLength()).isEqualTo(3.3);
        assertThat(r.averageWordLength()).isEqualTo(3.1);
        assertThat(r.longWords()).isZero();
    }

    @Test
    void aLongAdministrativeSentenceScoresWorseThanItsFalcRewrite() {
        Readability before = Readability.of("Conformément aux dispositions réglementaires en vigueur, les "
                + "représentants légaux sont invités à procéder à l'inscription administrative de leur enfant "
                + "préalablement à la date limite susmentionnée.");
        Readability after = Readability.of("Vous devez inscrire votre enfant. Faites-le avant la date limite.");
        assertThat(before.averageSentenceLength()).isGreaterThan(after.averageSentenceLength());
        assertThat(before.averageWordLength()).isGreaterThan(after.averageWordLength());
        assertThat(before.longWords()).isGreaterThan(after.longWords());
    }

    @Test
    void anEmptyTextHasNoSentence() {
        assertThat(Readability.of(" … ")).isEqualTo(new Readability(0, 0, 0, 0, 0));
    }
}
