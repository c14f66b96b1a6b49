package fr.ent.platform.apps.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.tenancy.InvalidTenantInputException;
import org.junit.jupiter.api.Test;

class UaiTest {

    @Test
    void acceptsACodeWhoseLetterMatchesTheNumberModulo23() {
        assertThat(Uai.parse("0750654D").value()).isEqualTo("0750654D");
        // 610663 = 23 x 26550 + 13, and the 14th letter without I, O and Q is P
        assertThat(Uai.parse("0610663P").value()).isEqualTo("0610663P");
    }

    @Test
    void upperCasesAndTrimsWhatPeopleType() {
        assertThat(Uai.parse(" 0750654d ").value()).isEqualTo("0750654D");
    }

    @Test
    void rejectsAWrongCheckLetterAndSaysWhichOneWasExpected() {
        assertThatThrownBy(() -> Uai.parse("0750654A"))
                .isInstanceOfSatisfying(InvalidTenantInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("uai");
                    assertThat(e.messageKey()).isEqualTo("uai.checksum");
                    assertThat(e.arguments()).containsExactly("0750654A", "D");
                });
    }

    @Test
    void rejectsCodesOfTheWrongShape() {
        for (String bad : new String[] {"", "075065D", "07506541D", "0750654", "A750654D", "0750654-", "0750 654D"}) {
            assertThatThrownBy(() -> Uai.parse(bad)).as(bad)
                    .isInstanceOfSatisfying(InvalidTenantInputException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("uai.shape"));
        }
        assertThatThrownBy(() -> Uai.parse(null)).isInstanceOf(InvalidTenantInputException.class);
    }

    @Test
    void checkLetterSkipsIOAndQ() {
        assertThat(Uai.checkLetter("0000008")).isEqualTo('J');
        assertThat(Uai.checkLetter("0000013")).isEqualTo('P');
        assertThat(Uai.checkLetter("0000022")).isEqualTo('Z');
        assertThat(Uai.checkLetter("0000023")).isEqualTo('A');
    }
}
