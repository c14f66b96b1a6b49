package fr.ent.platform.runtime.security;

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
        if (caller.hasRole(Roles.SUPER_ADMIN)) {
            return;
        }
        boolean local = caller.hasRole(Roles.ADMIN_LOCAL)
                && caller.token().map(t -> t.adminStructures().contains(uai)).orElse(false);
        if (!local) {
            throw new NotAllowed("forbidden");
        }
    }
}
