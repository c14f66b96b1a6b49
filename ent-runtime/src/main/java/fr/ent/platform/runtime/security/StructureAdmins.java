package fr.ent.platform.runtime.security;

import fr.ent.platform.identity.VerifiedToken;
import fr.ent.platform.problem.NotAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * ADMIN_LOCAL is an administrator of some schools only (their UAIs in the token's {@code admin_structures});
 * SUPER_ADMIN administers every school of the collectivity. Endpoints about one school ask here.
 */
@RequestScoped
public class StructureAdmins {

    @Inject
    Caller caller;

    /** Fails with 403 unless the caller administers the school with this UAI. */
    public void requireAdminOf(String uai) {
        if (!caller.token().map(t -> administers(t, uai)).orElse(false)) {
            throw new NotAllowed("forbidden");
        }
    }

    /**
     * The rule itself, for a verified user outside a REST call (a page of the portal reads its session's token):
     * whether they administer the school with this UAI.
     */
    public static boolean administers(VerifiedToken token, String uai) {
        return Roles.allows(token, Roles.SUPER_ADMIN)
                || (Roles.allows(token, Roles.ADMIN_LOCAL) && token.adminStructures().contains(uai));
    }

    /** Whether the user is an administrator of schools at all (SUPER_ADMIN or ADMIN_LOCAL), before any school. */
    public static boolean administersSchools(VerifiedToken token) {
        return Roles.allows(token, Roles.SUPER_ADMIN) || Roles.allows(token, Roles.ADMIN_LOCAL);
    }
}
