package fr.ent.platform.apps.messagerie.mail;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.runtime.communication.Recipient;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AnswerTest {

    private final UUID teacher = UUID.randomUUID();
    private final UUID parent = UUID.randomUUID();
    private final UUID otherParent = UUID.randomUUID();
    private final UUID director = UUID.randomUUID();
    private final UUID secret = UUID.randomUUID();
    private final Held original = new Held(UUID.randomUUID(), teacher, "Sophie Martin",
            new Addressing(List.of(user(parent), user(otherParent)), List.of(user(director)), List.of(user(secret))),
            "Sortie", "<p>Bonjour</p>", OffsetDateTime.of(2026, 12, 3, 8, 0, 0, 0, ZoneOffset.UTC));

    @Test
    void a_reply_goes_to_the_author_only() {
        Answer.Start start = Answer.REPLY.start(original, parent, Locale.FRENCH);
        assertThat(start.addressing().to()).containsExactly(user(teacher));
        assertThat(start.addressing().cc()).isEmpty();
        assertThat(start.subject()).isEqualTo("Re : Sortie");
        assertThat(start.body()).contains("Sophie Martin").contains("<blockquote><p>Bonjour</p></blockquote>");
    }

    @Test
    void a_reply_to_all_keeps_to_and_cc_but_not_the_bcc_nor_the_one_replying() {
        Answer.Start start = Answer.REPLY_ALL.start(original, parent, Locale.FRENCH);
        assertThat(start.addressing().to()).containsExactly(user(teacher), user(otherParent));
        assertThat(start.addressing().cc()).containsExactly(user(director));
        assertThat(start.addressing().bcc()).isEmpty();
        assertThat(start.addressing().all()).doesNotContain(user(secret), user(parent));
    }

    @Test
    void a_forward_goes_to_nobody_yet_and_prefixes_once() {
        Answer.Start start = Answer.FORWARD.start(original, parent, Locale.FRENCH);
        assertThat(start.addressing().isEmpty()).isTrue();
        assertThat(start.subject()).isEqualTo("Tr : Sortie");
        Held again = new Held(original.id(), teacher, "Sophie Martin", original.addressing(), "Re : Sortie", "",
                null);
        assertThat(Answer.REPLY.start(again, parent, Locale.FRENCH).subject()).isEqualTo("Re : Sortie");
    }

    private static Address user(UUID id) {
        return new Address(Recipient.Kind.USER, id);
    }
}
