package fr.ent.platform.apps.sharing;

import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.runtime.sharing.Grantee;
import fr.ent.platform.runtime.sharing.Share;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What replacing a resource's shares changes (pure): the grantees added (the only ones the communication rules are
 * asked about), removed, and kept with another right.
 */
public record ShareChanges(List<Share> added, List<Grantee> removed, List<Share> changed) {

    /** The most shares one resource takes: more people are reached through a group. */
    public static final int MAX_SHARES = 500;

    public ShareChanges {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /**
     * From {@code before} to {@code after}. Refused as invalid input: two shares to one grantee, a share to the
     * owner (who holds every right already), more than {@link #MAX_SHARES}.
     */
    public static ShareChanges between(UUID owner, List<Share> before, List<Share> after) {
        if (after.size() > MAX_SHARES) {
            throw InvalidInput.field("shares", "sharing.too-many", MAX_SHARES);
        }
        Map<UUID, Share> wanted = new LinkedHashMap<>();
        for (Share s : after) {
            if (s.grantee().id().equals(owner) || wanted.putIfAbsent(s.grantee().id(), s) != null) {
                throw InvalidInput.field("shares", "sharing.duplicate");
            }
        }
        Map<UUID, Share> current = new LinkedHashMap<>();
        before.forEach(s -> current.put(s.grantee().id(), s));
        List<Share> added = new ArrayList<>();
        List<Share> changed = new ArrayList<>();
        for (Share s : wanted.values()) {
            Share old = current.get(s.grantee().id());
            if (old == null || old.grantee().kind() != s.grantee().kind()) {
                added.add(s);
            } else if (old.right() != s.right()) {
                changed.add(s);
            }
        }
        List<Grantee> removed = new ArrayList<>();
        for (Share old : current.values()) {
            Share now = wanted.get(old.grantee().id());
            if (now == null || now.grantee().kind() != old.grantee().kind()) {
                removed.add(old.grantee());
            }
        }
        return new ShareChanges(added, removed, changed);
    }
}
