package fr.ent.platform.apps.messagerie.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.runtime.communication.Recipient;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AddressingTest {

    private final UUID ana = UUID.randomUUID();
    private final UUID ben = UUID.randomUUID();
    private final UUID parents = UUID.randomUUID();

    @Test
    void someone_named_in_two_fields_keeps_the_first() {
        Addressing a = Addressing.parse(List.of("user:" + ana), List.of("user:" + ana, "group:" + parents),
                List.of("USER:" + ben, "user:" + ana));
        assertThat(a.to()).containsExactly(new Address(Recipient.Kind.USER, ana));
        assertThat(a.cc()).containsExactly(new Address(Recipient.Kind.GROUP, parents));
        assertThat(a.bcc()).containsExactly(new Address(Recipient.Kind.USER, ben));
        assertThat(a.recipients().users()).isEqualTo(Set.of(ana, ben));
        assertThat(a.recipients().groups()).isEqualTo(Set.of(parents));
    }

    @Test
    void an_unreadable_addressee_is_invalid_input_naming_its_field() {
        assertThatThrownBy(() -> Addressing.parse(List.of(), List.of("bob@example.org"), null))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("cc");
        assertThatThrownBy(() -> Addressing.parse(List.of("user:not-an-id"), null, null))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Addressing.parse(List.of("robot:" + ana), null, null))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void without_removes_one_person_from_every_field() {
        Addressing a = Addressing.parse(List.of("user:" + ana, "user:" + ben), List.of(), List.of());
        assertThat(a.without(ana).to()).containsExactly(new Address(Recipient.Kind.USER, ben));
        assertThat(Addressing.parse(null, null, null).isEmpty()).isTrue();
    }
}
