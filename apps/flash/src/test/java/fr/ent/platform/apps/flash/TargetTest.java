package fr.ent.platform.apps.flash;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.identity.VerifiedToken;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Who a message reaches (profile AND school, or the whole collectivity) and who manages it. */
class TargetTest {

    static Target target(Set<String> profiles, Set<String> structures) {
        return new Target(new TreeSet<>(profiles), new TreeSet<>(structures));
    }

    static final Recipient PUPIL_OF_A = new Recipient("s1", Set.of("Student"), Set.of("0693331W"));

    @Test
    void a_reader_is_reached_by_one_of_their_profiles_and_one_of_their_schools() {
        assertThat(target(Set.of("Student", "Teacher"), Set.of("0693331W")).reaches(PUPIL_OF_A)).isTrue();
        assertThat(target(Set.of("Teacher"), Set.of("0693331W")).reaches(PUPIL_OF_A)).isFalse();
        assertThat(target(Set.of("Student"), Set.of("0310036W")).reaches(PUPIL_OF_A)).isFalse();
    }

    @Test
    void a_collectivity_wide_message_reaches_its_profiles_even_without_a_school() {
        assertThat(target(Set.of("Student"), Set.of()).reaches(PUPIL_OF_A)).isTrue();
        assertThat(target(Set.of("Student"), Set.of()).reaches(new Recipient("s2", Set.of("Student"), Set.of())))
                .isTrue();
        assertThat(target(Set.of("Relative"), Set.of()).reaches(PUPIL_OF_A)).isFalse();
        // an account without profile (a service account) is reached by nothing
        assertThat(target(Set.of("Student"), Set.of()).reaches(new Recipient("svc", Set.of(), Set.of()))).isFalse();
    }

    @Test
    void the_stored_form_round_trips() {
        Target t = target(Set.of("Teacher", "Guest"), Set.of("0693331W", "0310036W"));
        assertThat(new Target(Target.split(Target.join(t.profiles())), Target.split(Target.join(t.structures()))))
                .isEqualTo(t);
        assertThat(Target.split("")).isEmpty();
    }

    @Test
    void editors_come_from_tokens_and_manage_only_what_they_may_target() {
        Editor admc = Editor.of(token(Set.of("SUPER_ADMIN"), Set.of())).orElseThrow();
        Editor adml = Editor.of(token(Set.of("ADMIN_LOCAL", "Teacher"), Set.of("0693331W"))).orElseThrow();
        assertThat(Editor.of(token(Set.of("Teacher"), Set.of("0693331W")))).isEmpty();
        assertThat(Editor.of(token(Set.of("ADMIN_LOCAL"), Set.of()))).as("an ADML of no school manages nothing")
                .isEmpty();
        Target wide = target(Set.of("Student"), Set.of());
        Target mine = target(Set.of("Student"), Set.of("0693331W"));
        Target both = target(Set.of("Student"), Set.of("0693331W", "0310036W"));
        assertThat(admc.manages(wide) && admc.manages(mine) && admc.manages(both)).isTrue();
        assertThat(adml.manages(mine)).isTrue();
        assertThat(adml.manages(wide)).isFalse();
        assertThat(adml.manages(both)).isFalse();
    }

    static VerifiedToken token(Set<String> roles, Set<String> adminStructures) {
        return new VerifiedToken("ent-x", "sub", "user", "User", roles, Optional.empty(), adminStructures,
                Optional.empty(), Instant.now().plusSeconds(60));
    }
}
