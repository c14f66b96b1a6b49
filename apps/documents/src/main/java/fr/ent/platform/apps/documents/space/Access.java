package fr.ent.platform.apps.documents.space;

import fr.ent.platform.runtime.sharing.Right;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Who may do what with a folder or a file, from its chain (the node, its folder, that folder's folder... up to the
 * space's top): the space's owner holds every right; anyone else the highest right shared with them on the node or
 * on any folder above it (a share of a folder reaches everything under it), and nothing at all once the node or a
 * folder above it is in the trash. Pure, so that the rule is tested without a database.
 */
public final class Access {

    /** One node of a chain: its id, the space's owner, whether it is itself in the trash. */
    public record Link(UUID id, UUID owner, boolean trashed) {
    }

    private Access() {
    }

    /**
     * The right {@code user} holds on the first node of {@code chain} (empty: none, as for an unknown node);
     * {@code shared} answers the right shared on one node.
     */
    public static Optional<Right> rightOf(UUID user, List<Link> chain, Function<UUID, Optional<Right>> shared) {
        if (chain.isEmpty()) {
            return Optional.empty();
        }
        if (chain.get(0).owner().equals(user)) {
            return Optional.of(Right.MANAGER);
        }
        if (chain.stream().anyMatch(Link::trashed)) {
            return Optional.empty();
        }
        Optional<Right> best = Optional.empty();
        for (Link link : chain) {
            Optional<Right> here = shared.apply(link.id());
            if (here.isPresent() && (best.isEmpty() || here.get().includes(best.get()))) {
                best = here;
            }
            if (best.isPresent() && best.get() == Right.MANAGER) {
                break;
            }
        }
        return best;
    }

    /** Whether a folder may go into {@code target}: not into itself nor anything under it ({@code targetChain}). */
    public static boolean mayMoveInto(UUID moved, List<Link> targetChain) {
        return targetChain.stream().noneMatch(l -> l.id().equals(moved));
    }
}
