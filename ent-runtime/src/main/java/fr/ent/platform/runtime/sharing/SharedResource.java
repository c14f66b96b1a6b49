package fr.ent.platform.runtime.sharing;

import java.util.List;
import java.util.UUID;

/**
 * A resource as the sharing dialog shows it: its owner (who always has every right), the title the app gave it and
 * its current shares.
 */
public record SharedResource(ResourceRef ref, UUID owner, String title, List<Share> shares) {

    public SharedResource {
        shares = List.copyOf(shares);
    }
}
