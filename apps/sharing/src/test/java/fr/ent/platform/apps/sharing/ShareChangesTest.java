package fr.ent.platform.apps.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.ProblemStatuses;
import fr.ent.platform.runtime.sharing.Grantee;
import fr.ent.platform.runtime.sharing.Right;
import fr.ent.platform.runtime.sharing.Share;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What replacing a resource's shares changes, and what it refuses. */
class ShareChangesTest {

    private final UUID owner = UUID.randomUUID();
    private final Grantee pupil = Grantee.user(UUID.randomUUID());
    private final Grantee teacher = Grantee.user(UUID.randomUUID());
    private final Grantee classGroup = Grantee.group(UUID.randomUUID());

    @Test
    void only_new_grantees_are_added_the_others_changed_or_removed() {
        ShareChanges changes = ShareChanges.between(owner,
                List.of(new Share(pupil, Right.READ), new Share(teacher, Right.CONTRIB)),
                List.of(new Share(teacher, Right.MANAGER), new Share(classGroup, Right.READ)));

        assertThat(changes.added()).containsExactly(new Share(classGroup, Right.READ));
        assertThat(changes.changed()).containsExactly(new Share(teacher, Right.MANAGER));
        assertThat(changes.removed()).containsExactly(pupil);
    }

    @Test
    void the_same_shares_change_nothing() {
        List<Share> same = List.of(new Share(pupil, Right.READ), new Share(classGroup, Right.CONTRIB));
        assertThat(ShareChanges.between(owner, same, List.copyOf(same)).isEmpty()).isTrue();
        assertThat(ShareChanges.between(owner, List.of(), List.of()).isEmpty()).isTrue();
    }

    @Test
    void an_id_given_as_another_kind_is_a_new_grantee_checked_again() {
        Grantee asGroup = Grantee.group(pupil.id());
        ShareChanges changes = ShareChanges.between(owner, List.of(new Share(pupil, Right.READ)),
                List.of(new Share(asGroup, Right.READ)));
        assertThat(changes.added()).containsExactly(new Share(asGroup, Right.READ));
        assertThat(changes.removed()).containsExactly(pupil);
    }

    @Test
    void two_shares_to_one_grantee_or_one_to_the_owner_are_invalid_input() {
        assertThatThrownBy(() -> ShareChanges.between(owner, List.of(),
                List.of(new Share(pupil, Right.READ), new Share(pupil, Right.MANAGER))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(ProblemStatuses.status(e)).isEqualTo(400);
                    assertThat(e.field()).hasValueSatisfying(f -> assertThat(f.messageKey())
                            .isEqualTo("sharing.duplicate"));
                });
        assertThatThrownBy(() -> ShareChanges.between(owner, List.of(),
                List.of(new Share(Grantee.user(owner), Right.READ)))).isInstanceOf(InvalidInput.class);
    }

    @Test
    void more_shares_than_the_limit_are_refused() {
        List<Share> many = new ArrayList<>();
        for (int i = 0; i <= ShareChanges.MAX_SHARES; i++) {
            many.add(new Share(Grantee.user(UUID.randomUUID()), Right.READ));
        }
        assertThatThrownBy(() -> ShareChanges.between(owner, List.of(), many)).isInstanceOf(InvalidInput.class);
        assertThat(ShareChanges.between(owner, List.of(), many.subList(0, ShareChanges.MAX_SHARES)).added())
                .hasSize(ShareChanges.MAX_SHARES);
    }
}
