package fr.ent.platform.runtime.sharing;

import java.util.Objects;
import java.util.UUID;

/**
 * Someone a resource is shared with: a directory user, a directory group (all its members), or a community of the
 * communities app (its accepted members at the time of each check, {@code runtime.communities.CommunityMembership}),
 * by id.
 */
public record Grantee(Kind kind, UUID id) {

    public enum Kind {
        USER, GROUP, COMMUNITY
    }

    public Grantee {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(id);
    }

    public static Grantee user(UUID id) {
        return new Grantee(Kind.USER, id);
    }

    public static Grantee group(UUID id) {
        return new Grantee(Kind.GROUP, id);
    }

    public static Grantee community(UUID id) {
        return new Grantee(Kind.COMMUNITY, id);
    }
}
