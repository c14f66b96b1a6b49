package fr.ent.platform.apps.console.scope;

import fr.ent.platform.identity.VerifiedToken;
import fr.ent.platform.runtime.security.Roles;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Which structures an administrator of the console may act on, decided once from their verified token and asked
 * by every page and every call of the console (never by hiding a link). A SUPER_ADMIN acts on the whole
 * collectivity; an ADMIN_LOCAL on the schools whose UAIs its token's {@code admin_structures} names, nothing else;
 * anyone else is no console user at all. Pure: no database, no request, so that every rule is unit-tested.
 *
 * <p>The collectivity itself is not decided here: tenant resolution chose it from the Host and the session (or the
 * token's realm) belongs to it, so a scope only ever speaks of this collectivity's structures.
 *
 * @param whole  a SUPER_ADMIN: every school of the collectivity
 * @param uais   for an ADMIN_LOCAL, the schools it administers (empty for a SUPER_ADMIN: {@code whole} says it)
 * @param username who acts (for logs and, later, the console's audit trail)
 */
public record ConsoleScope(boolean whole, Set<String> uais, String username) {

    public ConsoleScope {
        uais = Set.copyOf(uais);
    }

    /** The console user this token is, if it is one: SUPER_ADMIN, or ADMIN_LOCAL of at least one school. */
    public static Optional<ConsoleScope> of(VerifiedToken token) {
        if (Roles.allows(token, Roles.SUPER_ADMIN)) {
            return Optional.of(new ConsoleScope(true, Set.of(), token.username()));
        }
        if (Roles.allows(token, Roles.ADMIN_LOCAL) && !token.adminStructures().isEmpty()) {
            return Optional.of(new ConsoleScope(false, token.adminStructures(), token.username()));
        }
        return Optional.empty();
    }

    /** Acts on this school (reads it, changes its name, its classes, its people): the same rule as StructureAdmins. */
    public boolean school(String uai) {
        return whole || (uai != null && uais.contains(uai));
    }

    /** Declares a new school, or changes a school's UAI (which moves it in or out of an ADMIN_LOCAL's reach). */
    public boolean declaresSchools() {
        return whole;
    }

    /**
     * Acts on a person (their card, their account, their functions): a SUPER_ADMIN on anyone of the collectivity, an
     * ADMIN_LOCAL on people attached to one of its schools (their school, or a school of one of their classes).
     */
    public boolean person(Collection<String> schoolsOfThePerson) {
        return whole || schoolsOfThePerson.stream().anyMatch(uais::contains);
    }

    /**
     * Gives or removes a function held in a school. ADMIN_LOCAL is given by the collectivity's SUPER_ADMIN only (a
     * local administrator cannot make others administrators); CLASS_ADMIN by any administrator of that school.
     */
    public boolean grants(Function function, String uai) {
        return switch (function) {
            case ADMIN_LOCAL -> whole;
            case CLASS_ADMIN -> school(uai);
        };
    }

    /** Reads tenant-manager's collectivity-wide reports (SLA, compliance): the SUPER_ADMIN's business only. */
    public boolean readsCollectivityReports() {
        return whole;
    }

    /**
     * Configures the collectivity's identity providers (EduConnect, the academy's SAML provider) and lists its
     * administrators with their second factor: the SUPER_ADMIN's business only (ADR 0025).
     */
    public boolean configuresIdentity() {
        return whole;
    }

    /** The functions the console gives and removes, held in one school. */
    public enum Function {
        ADMIN_LOCAL, CLASS_ADMIN;

        /** The function a form names, if it is one of these. */
        public static Optional<Function> parse(String text) {
            for (Function f : values()) {
                if (f.name().equals(text)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }
}
