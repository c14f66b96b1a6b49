package fr.ent.platform.tenants.access;

import fr.ent.platform.identity.RealmRoles;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a school's local administrator (ADMIN_LOCAL) may do to an account (ADR 0025), decided from facts, pure:
 * the person must be attached to one of its schools (their school, a school of one of their classes, or a school
 * they were attached to by a merge, as the directory says), and must not be an administrator themselves (a local
 * administrator does not block, reset or change the collectivity's administrators, nor another school's, even when
 * they also teach in its school). Its functions change CLASS_ADMIN only: ADMIN_LOCAL is given by the SUPER_ADMIN.
 */
public final class LocalAdministration {

    private LocalAdministration() {
    }

    /** Whether a local administrator of {@code callerSchools} reaches this person's account at all. */
    public static boolean reaches(Set<String> callerSchools, Collection<String> personSchools,
            Collection<String> accountFunctions) {
        return personSchools.stream().anyMatch(callerSchools::contains)
                && !accountFunctions.contains(RealmRoles.SUPER_ADMIN)
                && !accountFunctions.contains(RealmRoles.ADMIN_LOCAL);
    }

    /** Whether a functions change leaves ADMIN_LOCAL's schools as they are (the only kind a local administrator makes). */
    public static boolean keepsAdminSchools(List<String> current, List<String> requested) {
        return new TreeSet<>(current == null ? List.of() : current)
                .equals(new TreeSet<>(requested == null ? List.of() : requested));
    }

    /**
     * Whether a local administrator of {@code callerSchools} may ask for the accounts and activation letters of these
     * people (ADR 0029): every one of them attached to one of its schools. One person elsewhere (another school's, a
     * guessed or foreign id, whose schools are none) refuses the whole request, so that nothing is printed for
     * anyone out of its reach and the answer does not tell which id was the wrong one.
     */
    public static boolean reachesAll(Set<String> callerSchools, Collection<? extends Collection<String>> peoplesSchools) {
        return peoplesSchools.stream().allMatch(schools -> schools.stream().anyMatch(callerSchools::contains));
    }

    /** Whether an account holding these functions gets a letter (a new code) printed by a local administrator. */
    public static boolean printsLetterFor(Collection<String> accountFunctions) {
        return !accountFunctions.contains(RealmRoles.SUPER_ADMIN) && !accountFunctions.contains(RealmRoles.ADMIN_LOCAL);
    }
}
