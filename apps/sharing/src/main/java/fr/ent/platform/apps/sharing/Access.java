package fr.ent.platform.apps.sharing;

import fr.ent.platform.runtime.sharing.Right;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

/** Pure decisions about one person and one resource: the right they hold, whether they may change its shares. */
public final class Access {

    private Access() {
    }

    /**
     * The right {@code user} holds: every right for the owner, else the highest of the rights given to them or to
     * one of their groups ({@code granted}: those shares' rights only), else none.
     */
    public static Optional<Right> rightOf(UUID owner, UUID user, Collection<Right> granted) {
        if (owner.equals(user)) {
            return Optional.of(Right.MANAGER);
        }
        return granted.stream().max(Comparator.naturalOrder());
    }

    /** Only the owner or a MANAGER changes who a resource is shared with. */
    public static boolean mayChangeShares(Optional<Right> held) {
        return held.map(r -> r.includes(Right.MANAGER)).orElse(false);
    }
}
