package fr.ent.platform.apps.messagerie.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ComposeFormTest {

    private static final String ANNE = "user:" + UUID.randomUUID();
    private static final String CP = "group:" + UUID.randomUUID();
    private static final String PAUL = "user:" + UUID.randomUUID();

    @Test
    void theAddresseesKeepTheirFieldAndNameAndTheTickedOnesGo() {
        UUID key = UUID.randomUUID();
        ComposeForm form = ComposeForm.posted(Optional.empty(), Map.of(
                "addressee", new String[] {ANNE, CP, PAUL},
                "field." + ANNE, new String[] {"to"}, "field." + CP, new String[] {"bcc"},
                "field." + PAUL, new String[] {"cc"}, "name." + ANNE, new String[] {"Anne Lefèvre"},
                "remove", new String[] {PAUL}, "subject", new String[] {"Sortie"},
                "body", new String[] {"Bonjour"}, "sendKey", new String[] {key.toString()}), Optional.empty());
        assertThat(form.chosen()).containsExactly(new ComposeForm.Chosen(ANNE, "to", "Anne Lefèvre"),
                new ComposeForm.Chosen(CP, "bcc", ""));
        assertThat(form.input().to()).containsExactly(ANNE);
        assertThat(form.input().bcc()).containsExactly(CP);
        assertThat(form.input().cc()).isEmpty();
        assertThat(form.sendKey()).isEqualTo(key);
        assertThat(form.action()).isEqualTo("/messagerie/compose");
    }

    @Test
    void anAddedResultJoinsInTheFieldChosenForItOnce() {
        ComposeForm form = ComposeForm.posted(Optional.of(UUID.randomUUID()), Map.of(
                "addressee", new String[] {ANNE}, "as." + CP, new String[] {"cc"},
                "name." + CP, new String[] {"Parents — CP"}), Optional.of(CP));
        assertThat(form.chosen()).extracting(ComposeForm.Chosen::token).containsExactly(ANNE, CP);
        assertThat(form.input().cc()).containsExactly(CP);
        ComposeForm again = ComposeForm.posted(Optional.empty(), Map.of("addressee", new String[] {ANNE}),
                Optional.of(ANNE));
        assertThat(again.chosen()).hasSize(1);
    }

    @Test
    void anUnknownFieldIsToAndAMissingSendKeyIsANewOne() {
        ComposeForm form = ComposeForm.posted(Optional.empty(), Map.of("addressee", new String[] {ANNE},
                "field." + ANNE, new String[] {"<script>"}, "sendKey", new String[] {"not a key"}), Optional.empty());
        assertThat(form.chosen().get(0).field()).isEqualTo("to");
        assertThat(form.sendKey()).isNotNull();
        assertThat(form.subject()).isEmpty();
        assertThat(ComposeForm.htmlId(ANNE)).matches("[A-Za-z0-9-]+");
        assertThat(List.of(form.input().to())).hasSize(1);
    }
}
