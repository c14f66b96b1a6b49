package fr.ent.platform.apps.documents.space;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.runtime.sharing.Right;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Rights follow folders down, the owner has them all, and the trash closes what others were given. */
class AccessTest {

    private final UUID owner = UUID.randomUUID();
    private final UUID reader = UUID.randomUUID();
    private final UUID file = UUID.randomUUID();
    private final UUID folder = UUID.randomUUID();
    private final UUID top = UUID.randomUUID();

    private List<Access.Link> chain(boolean folderTrashed) {
        return List.of(new Access.Link(file, owner, false), new Access.Link(folder, owner, folderTrashed),
                new Access.Link(top, owner, false));
    }

    @Test
    void the_owner_holds_every_right_even_in_the_trash() {
        assertThat(Access.rightOf(owner, chain(true), id -> Optional.empty())).contains(Right.MANAGER);
    }

    @Test
    void a_share_of_a_folder_reaches_what_is_under_it_and_the_highest_right_wins() {
        Map<UUID, Right> shares = Map.of(top, Right.READ, folder, Right.CONTRIB);
        assertThat(Access.rightOf(reader, chain(false), id -> Optional.ofNullable(shares.get(id))))
                .contains(Right.CONTRIB);
        assertThat(Access.rightOf(reader, chain(false), id -> id.equals(top) ? Optional.of(Right.READ)
                : Optional.empty())).contains(Right.READ);
    }

    @Test
    void without_a_share_or_in_the_trash_there_is_nothing_to_see() {
        assertThat(Access.rightOf(reader, chain(false), id -> Optional.empty())).isEmpty();
        assertThat(Access.rightOf(reader, chain(true), id -> Optional.of(Right.MANAGER))).isEmpty();
        assertThat(Access.rightOf(reader, List.of(), id -> Optional.of(Right.MANAGER))).isEmpty();
    }

    @Test
    void a_folder_never_goes_into_itself_or_under_itself() {
        assertThat(Access.mayMoveInto(folder, chain(false))).isFalse();
        assertThat(Access.mayMoveInto(UUID.randomUUID(), chain(false))).isTrue();
    }
}
