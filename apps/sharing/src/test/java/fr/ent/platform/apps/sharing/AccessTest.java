package fr.ent.platform.apps.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.runtime.sharing.Right;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The right one holds, and who may change shares. */
class AccessTest {

    private final UUID owner = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();

    @Test
    void the_owner_holds_every_right_whatever_is_granted() {
        assertThat(Access.rightOf(owner, owner, List.of())).contains(Right.MANAGER);
        assertThat(Access.rightOf(owner, owner, List.of(Right.READ))).contains(Right.MANAGER);
    }

    @Test
    void anyone_else_holds_the_highest_right_given_to_them_or_their_groups() {
        assertThat(Access.rightOf(owner, other, List.of())).isEmpty();
        assertThat(Access.rightOf(owner, other, List.of(Right.READ, Right.CONTRIB, Right.READ)))
                .contains(Right.CONTRIB);
    }

    @Test
    void only_a_manager_changes_shares() {
        assertThat(Access.mayChangeShares(Optional.of(Right.MANAGER))).isTrue();
        assertThat(Access.mayChangeShares(Optional.of(Right.CONTRIB))).isFalse();
        assertThat(Access.mayChangeShares(Optional.of(Right.READ))).isFalse();
        assertThat(Access.mayChangeShares(Optional.empty())).isFalse();
    }

    @Test
    void a_higher_right_includes_the_lower_ones_only() {
        assertThat(Right.MANAGER.includes(Right.READ)).isTrue();
        assertThat(Right.CONTRIB.includes(Right.READ)).isTrue();
        assertThat(Right.CONTRIB.includes(Right.MANAGER)).isFalse();
        assertThat(Right.READ.includes(Right.CONTRIB)).isFalse();
        assertThat(Right.parse(" Manager ")).contains(Right.MANAGER);
        assertThat(Right.parse("owner")).isEmpty();
        assertThat(Right.parse(null)).isEmpty();
    }
}
