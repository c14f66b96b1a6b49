package fr.ent.platform.apps.directory.communication;

import fr.ent.platform.apps.directory.Profile;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the profile groups of one school are made from, as read in one transaction: its classes, its people, who is
 * in which class, the parents of its pupils, its profile groups as they are (oldest first: an existing group is
 * reused, never duplicated), their members, the rules between them and the school's switch (empty: defaults
 * never applied).
 */
public record SchoolSnapshot(
        UUID structureId,
        String schoolName,
        List<SchoolClass> classes,
        List<Person> people,
        Set<Pair> classMembers,
        Set<Pair> parentsOfPupils,
        List<ProfileGroup> groups,
        Set<Pair> groupMembers,
        Set<Pair> links,
        Optional<Boolean> pupilsTalk) {

    public record SchoolClass(UUID id, String name) {
    }

    public record Person(UUID id, Profile profile) {
    }

    /** A profile group of the school; {@code classId} null for the school's own. */
    public record ProfileGroup(UUID id, UUID classId, Profile profile) {

        GroupKey key() {
            return new GroupKey(classId, profile);
        }
    }

    /** Two ids: (class, user), (relative, student), (group, user) or (from group, to group). */
    public record Pair(UUID first, UUID second) {
    }
}
