package fr.ent.platform.apps.wiki.courses;

import fr.ent.platform.apps.wiki.Member;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.sharing.Grantee;
import fr.ent.platform.runtime.sharing.Right;
import fr.ent.platform.runtime.sharing.Share;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * The pure rules of « publier dans une communauté » (ADR 0035's seam with ADR 0036): a course reaches a community's
 * members by a READ share to the community in the platform's share rights, so that a member who leaves loses it at the
 * very next check and nothing is copied per member. Who may publish there: an administrator of the community (a
 * member only writes in it, a non-member is refused; an unknown id, or another collectivity's, is not found). Kept
 * apart from {@link Courses}' effects to be unit-tested seat by seat.
 */
public final class CommunityPublishing {

    private CommunityPublishing() {
    }

    /**
     * Passes when {@code me} administers {@code community}; otherwise 403 {@code community-admins-only} when the
     * community exists in this collectivity ({@code exists}, asked only then), 404 {@code community-not-found} when
     * it does not.
     */
    public static void requireAdmin(Member me, UUID community, BooleanSupplier exists) {
        Member.Place place = me.communities().get(community);
        if (place != null && place.staff()) {
            return;
        }
        if (place != null || exists.getAsBoolean()) {
            throw new NotAllowed("community-admins-only");
        }
        throw new NotFound("community-not-found", community.toString());
    }

    /** The shares with the community added as READ; a share it already holds (READ or higher) is kept as it is. */
    public static List<Share> with(List<Share> shares, UUID community) {
        Grantee grantee = Grantee.community(community);
        if (shares.stream().anyMatch(s -> s.grantee().equals(grantee))) {
            return List.copyOf(shares);
        }
        List<Share> result = new ArrayList<>(shares);
        result.add(new Share(grantee, Right.READ));
        return List.copyOf(result);
    }

    /** The shares without the community's; the others untouched. */
    public static List<Share> without(List<Share> shares, UUID community) {
        Grantee grantee = Grantee.community(community);
        return shares.stream().filter(s -> !s.grantee().equals(grantee)).toList();
    }

    /** The communities the shares reach, in the shares' order. */
    public static List<UUID> communities(List<Share> shares) {
        return shares.stream().filter(s -> s.grantee().kind() == Grantee.Kind.COMMUNITY)
                .map(s -> s.grantee().id()).toList();
    }

    /**
     * What the course page offers its manager: the communities it is published to (named; a community since deleted
     * has no name: the page says so) and those {@code me} administers where it is not yet, by name.
     */
    public static CourseViews.Communities view(Member me, List<UUID> publishedTo, Map<UUID, String> names) {
        List<CourseViews.CommunityChoice> published = publishedTo.stream()
                .map(id -> new CourseViews.CommunityChoice(id, names.getOrDefault(id, ""))).toList();
        List<CourseViews.CommunityChoice> choices = me.communities().values().stream()
                .filter(Member.Place::staff).filter(p -> !publishedTo.contains(p.id()))
                .sorted(Comparator.comparing(Member.Place::name, String.CASE_INSENSITIVE_ORDER))
                .map(p -> new CourseViews.CommunityChoice(p.id(), p.name())).toList();
        return new CourseViews.Communities(published, choices);
    }
}
