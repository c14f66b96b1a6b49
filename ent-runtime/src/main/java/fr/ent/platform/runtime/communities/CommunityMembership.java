package fr.ent.platform.runtime.communities;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who belongs to which community of the current collectivity (issue 16 item 2, docs/communities.md): the one question
 * other apps ask about communities, answered by the communities app (apps/communities), which owns the tables. The
 * sharing app asks it to give a share to a community to its members (a grantee of kind {@code community}), the wiki to
 * give a community's wiki to its members, and any app that publishes "to a community" (courses) to check that the
 * publisher is an administrator and that a reader is a member.
 *
 * <p>Only accepted members count: a person invited or asking to join is not a member until accepted. Leaving or being
 * removed takes effect on the next question (nothing is cached across requests), so every right a membership gave is
 * gone at once. An unknown community, one of another collectivity or a malformed id is simply "not a member".
 *
 * <p>Consumers inject it as {@code Instance<CommunityMembership>} when they must work without the communities app.
 */
public interface CommunityMembership {

    /** What a member is in a community. */
    enum Role {
        /** Reads and takes part: pages, announcements, discussion, documents shared with the community. */
        MEMBER,
        /** Also invites, accepts requests, promotes and removes members, posts announcements. */
        ADMIN
    }

    /** The role {@code person} (a directory id) holds in {@code community}, if they are an accepted member. */
    Optional<Role> roleOf(UUID person, UUID community);

    /** Whether {@code person} is an accepted member (administrators included) of {@code community}. */
    default boolean isMember(UUID person, UUID community) {
        return roleOf(person, community).isPresent();
    }

    /** Whether {@code person} administers {@code community}. */
    default boolean isAdmin(UUID person, UUID community) {
        return roleOf(person, community).filter(r -> r == Role.ADMIN).isPresent();
    }

    /** The communities {@code person} is an accepted member of, with their role in each (one statement). */
    Map<UUID, Role> communitiesOf(UUID person);

    /** The names of those of {@code communities} that exist in this collectivity (unknown ids are left out). */
    Map<UUID, String> names(Set<UUID> communities);
}
