package fr.ent.platform.it.portal;

import fr.ent.platform.identity.RealmRoles;
import fr.ent.platform.local.DemoData;
import fr.ent.platform.local.DemoData.Demo;
import java.util.Arrays;
import java.util.List;

/**
 * A demo account as the browser walk expects to find it, read from the demo seed itself ({@link DemoData#DEMOS}):
 * their name, profile, class, children or parents, and who "Ma classe" shows them. The collectivity's
 * administrator (no directory entry) is one too, with profile {@value RealmRoles#SUPER_ADMIN}.
 *
 * @param profile   Teacher, Student, Relative, Personnel, or SUPER_ADMIN for the administrator
 * @param className the class of a teacher or a pupil, else null
 * @param children  the first names of a parent's children
 */
record DemoPerson(Demo demo, String profile, String firstName, String lastName, String className,
        List<String> children) {

    /** The demo person behind an account the seed made ({@link DemoData#ensure}). */
    static DemoPerson of(DemoData.Account account) {
        Demo demo = DemoData.DEMOS.stream().filter(d -> d.displayName().equals(account.collectivity())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no demo named " + account.collectivity()));
        if (account.profile().equals(RealmRoles.SUPER_ADMIN)) {
            return new DemoPerson(demo, RealmRoles.SUPER_ADMIN, "Admin", demo.displayName(), null, List.of());
        }
        return people(demo).stream()
                .filter(p -> DemoData.login(p.firstName(), p.lastName()).equals(account.username())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no demo person for " + account.username()));
    }

    static List<DemoPerson> people(Demo demo) {
        return demo.people().stream().map(p -> new DemoPerson(demo, p[0], p[2], p[1], p[3],
                List.of(Arrays.copyOfRange(p, 4, p.length)))).toList();
    }

    String name() {
        return firstName + " " + lastName;
    }

    boolean isAdministrator() {
        return profile.equals(RealmRoles.SUPER_ADMIN);
    }

    /** The profile the header names, in French: an administrator is personnel of the collectivity too. */
    String profileLabel() {
        return switch (profile) {
            case "Teacher" -> "Enseignant·e";
            case "Student" -> "Élève";
            case "Relative" -> "Parent";
            case "Personnel", "SUPER_ADMIN" -> "Personnel";
            default -> throw new IllegalStateException("a demo profile the walk does not know: " + profile);
        };
    }

    /** Everyone of the demo's directory with this profile and, unless null, in this class. */
    List<DemoPerson> others(String ofProfile, String inClass) {
        return people(demo).stream().filter(p -> p.profile.equals(ofProfile))
                .filter(p -> inClass == null || inClass.equals(p.className)).filter(p -> !p.equals(this)).toList();
    }

    /** A parent's children, as people of the demo. */
    List<DemoPerson> childPeople() {
        return people(demo).stream().filter(p -> p.profile.equals("Student") && children.contains(p.firstName))
                .toList();
    }

    /** The parents of a pupil. */
    List<DemoPerson> parents() {
        return people(demo).stream().filter(p -> p.children.contains(firstName)).toList();
    }

    /**
     * Whether the notification sent to a class reaches this person: a teacher or pupil of the class, or a parent
     * of one of its pupils.
     */
    boolean inAudienceOf(String aClass) {
        return aClass.equals(className)
                || childPeople().stream().anyMatch(child -> aClass.equals(child.className()));
    }
}
