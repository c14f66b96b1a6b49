package fr.ent.platform.apps.directory.communication;

import fr.ent.platform.apps.directory.Profile;
import fr.ent.platform.apps.directory.communication.SchoolSnapshot.Pair;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What to write so that a school's profile groups and default rules are as they should be: groups to create,
 * memberships to add and remove, rules to add and remove, and whether the school's switch row is new.
 */
public record ProfileGroupsPlan(
        List<NewGroup> newGroups,
        Set<Pair> membersToAdd,
        Set<Pair> membersToRemove,
        Set<Pair> linksToAdd,
        Set<Pair> linksToRemove,
        boolean firstApplication) {

    public record NewGroup(UUID id, UUID classId, Profile profile, String name) {
    }

    public boolean isEmpty() {
        return newGroups.isEmpty() && membersToAdd.isEmpty() && membersToRemove.isEmpty() && linksToAdd.isEmpty()
                && linksToRemove.isEmpty() && !firstApplication;
    }
}
