package fr.ent.platform.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FormerUserTest {

    @Test
    void oneFormerUserNoOnesIdShownInTheReadersLanguage() {
        assertThat(FormerUser.ID).isEqualTo(UUID.fromString("00000000-0000-0000-0000-000000000000"));
        assertThat(FormerUser.name(Locale.FRENCH)).isEqualTo("Ancien utilisateur").isEqualTo(FormerUser.NAME);
        assertThat(FormerUser.name(Locale.ENGLISH)).isEqualTo("Former user");
        assertThat(FormerUser.name(Locale.forLanguageTag("es"))).isEqualTo("Antiguo usuario");
        assertThat(FormerUser.name(null)).isEqualTo(FormerUser.NAME);
        assertThat(FormerUser.is("Ancien utilisateur")).isTrue();
        assertThat(FormerUser.is("Sophie Martin")).isFalse();
        // a login never has a space: nobody signs in as the former user
        assertThat(FormerUser.LOGIN).contains(" ");
    }
}
