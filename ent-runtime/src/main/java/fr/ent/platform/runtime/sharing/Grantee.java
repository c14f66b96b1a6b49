package fr.ent.platform.runtime.sharing;

import java.util.Objects;
import java.util.UUID;

/** Someone a resource is shared with: a directory user or a directory group (all its members), by id. */
public record Grantee(Kind kind, UUID id) {

    public enum Kind {
        USER, GROUP
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
}
