package fr.ent.platform.apps.directory.communication;

import fr.ent.platform.apps.directory.Profile;
import fr.ent.platform.apps.directory.communication.GroupKey.Rule;
import fr.ent.platform.apps.directory.communication.ProfileGroupsPlan.NewGroup;
import fr.ent.platform.apps.directory.communication.SchoolSnapshot.Pair;
import fr.ent.platform.apps.directory.communication.SchoolSnapshot.Person;
import fr.ent.platform.apps.directory.communication.SchoolSnapshot.ProfileGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Plans a school's profile groups and default rules against what the directory holds, without touching it (the
 * writes are {@link ProfileGroups}'s). Decisions:
 * <ul>
 * <li>every school has a group per profile of {@link DefaultRules#SCHOOL_PROFILES}, every class one per profile of
 * {@link DefaultRules#CLASS_PROFILES}; an existing profile group of that school, class and profile is reused;</li>
 * <li>members follow the directory: the school's people of that profile (and, for parents, the parents of its
 * pupils); a class's pupils and teachers, and the parents of its pupils;</li>
 * <li>the first time (no switch row) or when asked ({@code allDefaults}), every missing default rule is added;
 * otherwise only the default rules touching a group created now (a new class), so that a default rule an
 * administrator removed stays removed;</li>
 * <li>the pupil-to-pupil switch is the truth for the rule of a class's pupils to themselves: added when on,
 * removed when off.</li>
 * </ul>
 */
public final class ProfileGroupsReconciliation {

    private ProfileGroupsReconciliation() {
    }

    public static ProfileGroupsPlan plan(SchoolSnapshot school, boolean allDefaults, Supplier<UUID> ids) {
        Map<UUID, String> classNames = new LinkedHashMap<>();
        school.classes().forEach(c -> classNames.put(c.id(), c.name()));

        Map<GroupKey, UUID> groupOf = new HashMap<>();
        for (ProfileGroup g : school.groups()) {
            boolean ours = g.classId() == null ? DefaultRules.SCHOOL_PROFILES.contains(g.profile())
                    : classNames.containsKey(g.classId()) && DefaultRules.CLASS_PROFILES.contains(g.profile());
            if (ours) {
                groupOf.putIfAbsent(g.key(), g.id()); // oldest first: a duplicate made by hand is left alone
            }
        }
        List<NewGroup> newGroups = new ArrayList<>();
        Set<GroupKey> created = new HashSet<>();
        for (GroupKey key : wantedGroups(classNames.keySet())) {
            if (!groupOf.containsKey(key)) {
                UUID id = ids.get();
                groupOf.put(key, id);
                created.add(key);
                newGroups.add(new NewGroup(id, key.classId(), key.profile(), name(key, school.schoolName(),
                        classNames)));
            }
        }

        Set<Pair> wantedMembers = members(school, groupOf);
        Set<UUID> managed = new HashSet<>(groupOf.values());
        Set<Pair> existingMembers = new HashSet<>();
        for (Pair m : school.groupMembers()) {
            if (managed.contains(m.first())) {
                existingMembers.add(m);
            }
        }
        Set<Pair> membersToAdd = new LinkedHashSet<>(wantedMembers);
        membersToAdd.removeAll(existingMembers);
        Set<Pair> membersToRemove = new LinkedHashSet<>(existingMembers);
        membersToRemove.removeAll(wantedMembers);

        boolean first = school.pupilsTalk().isEmpty();
        boolean pupilsTalk = school.pupilsTalk().orElse(false);
        Set<Pair> linksToAdd = new LinkedHashSet<>();
        for (Rule rule : DefaultRules.of(classNames.keySet(), pupilsTalk)) {
            boolean pupilsToPupils = rule.from().equals(rule.to()) && rule.from().profile() == Profile.Student
                    && !rule.from().isSchool();
            if (first || allDefaults || pupilsToPupils || created.contains(rule.from())
                    || created.contains(rule.to())) {
                linksToAdd.add(new Pair(groupOf.get(rule.from()), groupOf.get(rule.to())));
            }
        }
        linksToAdd.removeAll(school.links());
        Set<Pair> linksToRemove = new LinkedHashSet<>();
        if (!pupilsTalk) {
            for (UUID c : classNames.keySet()) {
                UUID pupils = groupOf.get(GroupKey.ofClass(c, Profile.Student));
                Pair self = new Pair(pupils, pupils);
                if (school.links().contains(self)) {
                    linksToRemove.add(self);
                }
            }
        }
        return new ProfileGroupsPlan(newGroups, membersToAdd, membersToRemove, linksToAdd, linksToRemove, first);
    }

    private static List<GroupKey> wantedGroups(Set<UUID> classes) {
        List<GroupKey> keys = new ArrayList<>();
        DefaultRules.SCHOOL_PROFILES.forEach(p -> keys.add(GroupKey.school(p)));
        for (UUID c : classes) {
            DefaultRules.CLASS_PROFILES.forEach(p -> keys.add(GroupKey.ofClass(c, p)));
        }
        return keys;
    }

    private static Set<Pair> members(SchoolSnapshot school, Map<GroupKey, UUID> groupOf) {
        Map<UUID, Profile> profiles = new HashMap<>();
        school.people().forEach(p -> profiles.put(p.id(), p.profile()));
        Set<Pair> members = new LinkedHashSet<>();
        for (Person p : school.people()) {
            UUID group = groupOf.get(GroupKey.school(p.profile()));
            if (group != null) {
                members.add(new Pair(group, p.id()));
            }
        }
        Map<UUID, Set<UUID>> parentsOf = new HashMap<>();
        for (Pair link : school.parentsOfPupils()) {
            parentsOf.computeIfAbsent(link.second(), s -> new HashSet<>()).add(link.first());
            members.add(new Pair(groupOf.get(GroupKey.school(Profile.Relative)), link.first()));
        }
        for (Pair m : school.classMembers()) {
            Profile profile = profiles.get(m.second());
            UUID group = profile == null ? null : groupOf.get(GroupKey.ofClass(m.first(), profile));
            if (group != null) {
                members.add(new Pair(group, m.second()));
            }
            if (profile == Profile.Student) {
                UUID parents = groupOf.get(GroupKey.ofClass(m.first(), Profile.Relative));
                parentsOf.getOrDefault(m.second(), Set.of()).forEach(r -> members.add(new Pair(parents, r)));
            }
        }
        return members;
    }

    /** Group names are data shown to French users (a picker lists them), as entcore names its profile groups. */
    static String name(GroupKey key, String schoolName, Map<UUID, String> classNames) {
        String who = switch (key.profile()) {
            case Student -> "Élèves";
            case Relative -> "Parents";
            case Teacher -> "Enseignants";
            case Personnel -> "Personnels";
            case Guest -> "Invités";
        };
        return who + " — " + (key.isSchool() ? schoolName : classNames.get(key.classId()));
    }
}
