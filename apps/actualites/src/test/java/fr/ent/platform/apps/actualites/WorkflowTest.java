package fr.ent.platform.apps.actualites;

import static fr.ent.platform.apps.actualites.Workflow.Outcome.ALLOWED;
import static fr.ent.platform.apps.actualites.Workflow.Outcome.FORBIDDEN;
import static fr.ent.platform.apps.actualites.Workflow.Outcome.WRONG_STATE;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.runtime.sharing.Right;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who may do what with a news item: reader, writer, publisher; draft, submitted, published, expired. */
class WorkflowTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 3, 10, 0, 0, 0, ZoneOffset.UTC);

    private static Workflow.Item draft(boolean mine) {
        return new Workflow.Item(ItemState.DRAFT, null, null, mine);
    }

    private static Workflow.Item published(OffsetDateTime at, OffsetDateTime expires) {
        return new Workflow.Item(ItemState.PUBLISHED, at, expires, false);
    }

    @Test
    void readers_see_live_items_only_writers_their_own_drafts_publishers_everything() {
        Workflow.Item live = published(NOW.minusDays(1), null);
        Workflow.Item scheduled = published(NOW.plusDays(1), null);
        Workflow.Item expired = published(NOW.minusDays(3), NOW.minusDays(1));
        Optional<Right> reader = Optional.of(Right.READ);
        assertThat(Workflow.sees(reader, live, NOW)).isTrue();
        assertThat(Workflow.sees(reader, scheduled, NOW)).isFalse();
        assertThat(Workflow.sees(reader, expired, NOW)).isFalse();
        assertThat(Workflow.sees(reader, draft(false), NOW)).isFalse();
        assertThat(Workflow.sees(Optional.of(Right.CONTRIB), draft(true), NOW)).isTrue();
        assertThat(Workflow.sees(Optional.of(Right.CONTRIB), draft(false), NOW)).isFalse();
        assertThat(Workflow.sees(Optional.of(Right.MANAGER), expired, NOW)).isTrue();
        assertThat(Workflow.sees(Optional.empty(), live, NOW)).isFalse();
        assertThat(expired.at(NOW)).isEqualTo(ItemState.EXPIRED);
        assertThat(live.at(NOW)).isEqualTo(ItemState.PUBLISHED);
    }

    @Test
    void a_writer_submits_their_draft_once_and_only_a_publisher_publishes() {
        assertThat(Workflow.submit(Right.CONTRIB, draft(true))).isEqualTo(ALLOWED);
        assertThat(Workflow.submit(Right.CONTRIB, draft(false))).isEqualTo(FORBIDDEN);
        assertThat(Workflow.submit(Right.READ, draft(true))).isEqualTo(FORBIDDEN);
        assertThat(Workflow.submit(Right.CONTRIB, new Workflow.Item(ItemState.SUBMITTED, null, null, true)))
                .isEqualTo(WRONG_STATE);
        assertThat(Workflow.publish(Right.MANAGER)).isEqualTo(ALLOWED);
        assertThat(Workflow.publish(Right.CONTRIB)).isEqualTo(FORBIDDEN);
        assertThat(Workflow.publish(Right.READ)).isEqualTo(FORBIDDEN);
    }

    @Test
    void a_writer_edits_and_deletes_their_item_until_it_is_published() {
        Workflow.Item mineSubmitted = new Workflow.Item(ItemState.SUBMITTED, null, null, true);
        Workflow.Item minePublished = new Workflow.Item(ItemState.PUBLISHED, NOW, null, true);
        assertThat(Workflow.edit(Right.CONTRIB, mineSubmitted, NOW)).isEqualTo(ALLOWED);
        assertThat(Workflow.edit(Right.CONTRIB, minePublished, NOW)).isEqualTo(WRONG_STATE);
        assertThat(Workflow.edit(Right.MANAGER, minePublished, NOW)).isEqualTo(ALLOWED);
        assertThat(Workflow.edit(Right.READ, draft(true), NOW)).isEqualTo(FORBIDDEN);
        assertThat(Workflow.delete(Right.CONTRIB, draft(true))).isEqualTo(ALLOWED);
        assertThat(Workflow.delete(Right.CONTRIB, mineSubmitted)).isEqualTo(WRONG_STATE);
        assertThat(Workflow.delete(Right.CONTRIB, draft(false))).isEqualTo(FORBIDDEN);
    }

    @Test
    void readers_comment_on_live_items_only() {
        assertThat(Workflow.comment(Right.READ, published(NOW.minusHours(1), null), NOW)).isEqualTo(ALLOWED);
        assertThat(Workflow.comment(Right.READ, published(NOW.minusDays(2), NOW.minusDays(1)), NOW))
                .isEqualTo(WRONG_STATE);
        assertThat(Workflow.comment(Right.MANAGER, draft(false), NOW)).isEqualTo(WRONG_STATE);
    }
}
