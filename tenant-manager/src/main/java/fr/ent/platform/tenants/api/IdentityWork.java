package fr.ent.platform.tenants.api;

import fr.ent.platform.problem.Conflict;
import fr.ent.platform.problem.DependencyFailed;
import fr.ent.platform.tenants.identity.KeycloakException;
import java.sql.SQLException;

/**
 * Work of the admin API with a collectivity's realm and directory, its failures in the domain's words, in one place
 * for every resource: the realm missing (Keycloak's 404) is a conflict, any other Keycloak failure a failed
 * dependency, an unreadable directory a server error naming the collectivity.
 */
final class IdentityWork {

    private IdentityWork() {
    }

    /** What the resource asks of Keycloak and the directory. */
    @FunctionalInterface
    interface Work<T> {
        T get() throws SQLException;
    }

    static <T> T identity(String slug, Work<T> work) {
        try {
            return work.get();
        } catch (KeycloakException e) {
            if (e.status() == 404) {
                throw new Conflict("realm-missing", slug);
            }
            throw new DependencyFailed("identity-failed", slug, e.getMessage());
        } catch (SQLException e) {
            throw new IllegalStateException("tenant=" + slug + " directory not readable: " + e.getMessage(), e);
        }
    }
}
