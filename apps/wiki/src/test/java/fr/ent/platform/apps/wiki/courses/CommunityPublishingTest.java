package fr.ent.platform.apps.wiki.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.apps.wiki.Member;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.sharing.Grantee;
import fr.ent.platform.runtime.sharing.Right;
import fr.ent.platform.runtime.sharing.Share;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Who may publish a course to a community, and what the course's shares become (ADR 0035 and 0036). */
class CommunityPublishingTest {

    static final UUID CLUB = UUID.randomUUID();
    static final UUID CHOIR = UUID.randomUUID();
    static final UUID ELSEWHERE = UUID.randomUUID();
    static final Member TEACHER = new Member(UUID.randomUUID(), "Julien Lambert", Map.of(), Map.of()).withCommunities(
            Map.of(CLUB, new Member.Place(CLUB, "Club d'histoire", "Club d'histoire", true),
                    CHOIR, new Member.Place(CHOIR, "Chorale", "Chorale", false)));

    @Test
    void an_administrator_publishes_without_asking_whether_the_community_exists() {
        AtomicBoolean asked = new AtomicBoolean();
        CommunityPublishing.requireAdmin(TEACHER, CLUB, () -> asked.getAndSet(true));
        assertThat(asked).isFalse();
    }

    @Test
    void a_mere_member_and_a_non_member_are_refused_an_unknown_id_is_not_found() {
        assertThatThrownBy(() -> CommunityPublishing.requireAdmin(TEACHER, CHOIR, () -> true))
                .isInstanceOf(NotAllowed.class).hasMessageContaining("community-admins-only");
        assertThatThrownBy(() -> CommunityPublishing.requireAdmin(TEACHER, ELSEWHERE, () -> true))
                .isInstanceOf(NotAllowed.class).hasMessageContaining("community-admins-only");
        // a guessed id, or another collectivity's (its tables are in its own schema): simply unknown
        assertThatThrownBy(() -> CommunityPublishing.requireAdmin(TEACHER, ELSEWHERE, () -> false))
                .isInstanceOf(NotFound.class).hasMessageContaining("community-not-found");
    }

    @Test
    void publishing_adds_one_read_share_keeps_the_others_and_twice_changes_nothing() {
        Share colleague = new Share(Grantee.user(UUID.randomUUID()), Right.CONTRIB);
        List<Share> once = CommunityPublishing.with(List.of(colleague), CLUB);
        assertThat(once).containsExactly(colleague, new Share(Grantee.community(CLUB), Right.READ));
        assertThat(CommunityPublishing.with(once, CLUB)).isEqualTo(once);
        // a community given more by the sharing dialog keeps it
        List<Share> higher = List.of(new Share(Grantee.community(CLUB), Right.CONTRIB));
        assertThat(CommunityPublishing.with(higher, CLUB)).isEqualTo(higher);
    }

    @Test
    void withdrawing_removes_that_community_only() {
        Share colleague = new Share(Grantee.user(UUID.randomUUID()), Right.CONTRIB);
        List<Share> shares = List.of(new Share(Grantee.community(CLUB), Right.READ), colleague,
                new Share(Grantee.community(CHOIR), Right.READ));
        assertThat(CommunityPublishing.without(shares, CLUB)).containsExactly(colleague,
                new Share(Grantee.community(CHOIR), Right.READ));
        assertThat(CommunityPublishing.communities(shares)).containsExactly(CLUB, CHOIR);
    }

    @Test
    void the_page_offers_the_communities_administered_where_the_course_is_not_yet() {
        Member more = TEACHER.withCommunities(Map.of(CLUB, TEACHER.communities().get(CLUB),
                CHOIR, TEACHER.communities().get(CHOIR),
                ELSEWHERE, new Member.Place(ELSEWHERE, "atelier", "atelier", true)));
        CourseViews.Communities none = CommunityPublishing.view(more, List.of(), Map.of());
        assertThat(none.publishedTo()).isEmpty();
        assertThat(none.choices()).extracting(CourseViews.CommunityChoice::name).containsExactly("atelier",
                "Club d'histoire");
        UUID gone = UUID.randomUUID();
        CourseViews.Communities some = CommunityPublishing.view(more, List.of(CLUB, gone),
                Map.of(CLUB, "Club d'histoire"));
        assertThat(some.publishedTo()).extracting(CourseViews.CommunityChoice::name)
                .containsExactly("Club d'histoire", "");
        assertThat(some.choices()).extracting(CourseViews.CommunityChoice::id).containsExactly(ELSEWHERE);
    }
}
