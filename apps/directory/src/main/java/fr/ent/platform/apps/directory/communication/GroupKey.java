package fr.ent.platform.apps.directory.communication;

import fr.ent.platform.apps.directory.Profile;
import java.util.Objects;
import java.util.UUID;

/**
 * Which profile group of a school: the school's own ({@code classId} null: all its pupils, parents, teachers or
 * personnel) or a class's (its pupils, its teachers, the parents of its pupils).
 */
public record GroupKey(UUID classId, Profile profile) {

    public GroupKey {
        Objects.requireNonNull(profile);
    }

    public static GroupKey school(Profile profile) {
        return new GroupKey(null, profile);
    }

    public static GroupKey ofClass(UUID classId, Profile profile) {
        return new GroupKey(Objects.requireNonNull(classId), profile);
    }

    public boolean isSchool() {
        return classId == null;
    }

    /** A rule between two profile groups of one school. */
    public record Rule(GroupKey from, GroupKey to) {
    }
}
