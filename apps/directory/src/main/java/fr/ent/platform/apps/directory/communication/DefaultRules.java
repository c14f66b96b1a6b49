package fr.ent.platform.apps.directory.communication;

import static fr.ent.platform.apps.directory.Profile.Personnel;
import static fr.ent.platform.apps.directory.Profile.Relative;
import static fr.ent.platform.apps.directory.Profile.Student;
import static fr.ent.platform.apps.directory.Profile.Teacher;

import fr.ent.platform.apps.directory.Profile;
import fr.ent.platform.apps.directory.communication.GroupKey.Rule;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a French school expects by default (entcore's applyDefaultRules), as rules between its profile groups:
 * <ul>
 * <li>a class's pupils write to the class's teachers, and the school's pupils to its personnel;</li>
 * <li>a class's parents write to the class's teachers, and the school's parents to its personnel;</li>
 * <li>a class's teachers write to its pupils and to their parents; the school's teachers to its teachers and
 * personnel;</li>
 * <li>the school's personnel write to everyone of the school;</li>
 * <li>a class's pupils write to each other only where the school allows it ({@code pupilsTalk}).</li>
 * </ul>
 * Pure: the same classes and switch give the same rules.
 */
public final class DefaultRules {

    /** The profile groups every school has; Guest has none, so guests reach nobody until a rule is added. */
    public static final List<Profile> SCHOOL_PROFILES = List.of(Student, Relative, Teacher, Personnel);
    /** The profile groups every class has: its pupils, its teachers, its pupils' parents. */
    public static final List<Profile> CLASS_PROFILES = List.of(Student, Relative, Teacher);

    private DefaultRules() {
    }

    public static Set<Rule> of(Collection<UUID> classes, boolean pupilsTalk) {
        Set<Rule> rules = new LinkedHashSet<>();
        for (UUID c : classes) {
            rules.add(rule(GroupKey.ofClass(c, Student), GroupKey.ofClass(c, Teacher)));
            rules.add(rule(GroupKey.ofClass(c, Relative), GroupKey.ofClass(c, Teacher)));
            rules.add(rule(GroupKey.ofClass(c, Teacher), GroupKey.ofClass(c, Student)));
            rules.add(rule(GroupKey.ofClass(c, Teacher), GroupKey.ofClass(c, Relative)));
            if (pupilsTalk) {
                rules.add(pupilsOf(c));
            }
        }
        rules.add(rule(GroupKey.school(Student), GroupKey.school(Personnel)));
        rules.add(rule(GroupKey.school(Relative), GroupKey.school(Personnel)));
        rules.add(rule(GroupKey.school(Teacher), GroupKey.school(Teacher)));
        rules.add(rule(GroupKey.school(Teacher), GroupKey.school(Personnel)));
        for (Profile everyone : SCHOOL_PROFILES) {
            rules.add(rule(GroupKey.school(Personnel), GroupKey.school(everyone)));
        }
        return rules;
    }

    /** The rule the pupil-to-pupil switch adds in a class: its pupils write to each other. */
    public static Rule pupilsOf(UUID classId) {
        GroupKey pupils = GroupKey.ofClass(classId, Student);
        return new Rule(pupils, pupils);
    }

    private static Rule rule(GroupKey from, GroupKey to) {
        return new Rule(from, to);
    }
}
