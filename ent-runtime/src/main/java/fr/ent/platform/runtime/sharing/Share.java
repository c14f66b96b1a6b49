package fr.ent.platform.runtime.sharing;

import java.util.Objects;

/** One grantee's right on a resource. */
public record Share(Grantee grantee, Right right) {

    public Share {
        Objects.requireNonNull(grantee);
        Objects.requireNonNull(right);
    }
}
