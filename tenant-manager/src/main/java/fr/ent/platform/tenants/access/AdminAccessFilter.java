package fr.ent.platform.tenants.access;

import fr.ent.platform.identity.InvalidTokenException;
import fr.ent.platform.identity.RealmRoles;
import fr.ent.platform.identity.Realms;
import fr.ent.platform.identity.TokenVerifier;
import fr.ent.platform.identity.VerifiedToken;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.problem.ProblemException;
import fr.ent.platform.problem.Unavailable;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * Every admin API request carries a bearer token. A token of the platform realm with role platform-admin (hosting
 * operators, the Kubernetes operator's service account) may do everything. A token of a collectivity's realm
 * with role SUPER_ADMIN may read its own collectivity (and whatever is under it), change its display name,
 * branding and enabled apps, synchronise its accounts and set an account's functions and blocked state; any other collectivity, the list of all collectivities and every lifecycle operation
 * are refused (403). A token that is not valid for the realm it claims is refused (401).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AdminAccessFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(AdminAccessFilter.class.getName());

    @Inject
    TokenVerifier verifier;

    @Inject
    AdminCaller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ProblemException.unauthorized("unauthenticated");
        }
        String token = authorization.substring(7).trim();
        String realm = verifier.claimedRealm(token).orElseThrow(AdminAccessFilter::invalidToken);
        if (Realms.PLATFORM.equals(realm)) {
            VerifiedToken verified = verify(token, realm, Realms.ADMIN_API_AUDIENCE);
            if (!verified.hasRole(RealmRoles.PLATFORM_ADMIN)) {
                throw new NotAllowed("forbidden");
            }
            caller.platformOperator(verified.username());
            return;
        }
        String slug = Realms.collectivityOf(realm).orElseThrow(AdminAccessFilter::invalidToken);
        VerifiedToken verified = verify(token, realm, Realms.API_AUDIENCE);
        if (!verified.hasRole(RealmRoles.SUPER_ADMIN)
                || !allowedToCollectivityAdministrator(request, slug)) {
            LOG.info(() -> "tenant=" + slug + " admin API refused to " + verified.username() + ": "
                    + request.getMethod() + " /" + request.getUriInfo().getPath());
            throw new NotAllowed("forbidden");
        }
        caller.collectivityAdministrator(verified.username(), slug);
    }

    /** Its own collectivity only: read anything under it, change its name and branding, synchronise its accounts. */
    static boolean allowedToCollectivityAdministrator(ContainerRequestContext request, String slug) {
        List<String> path = request.getUriInfo().getPathSegments().stream().map(PathSegment::getPath)
                .filter(p -> !p.isEmpty()).toList();
        if (path.size() < 2 || !"collectivities".equals(path.get(0)) || !slug.equals(path.get(1))) {
            return false;
        }
        return switch (request.getMethod()) {
            case "GET", "HEAD" -> true;
            case "PATCH" -> path.size() == 2;
            case "POST" -> path.equals(List.of("collectivities", slug, "accounts", "sync"));
            // colours and logo: .../branding, .../branding/logo; an account's functions and blocked state (the
            // tenant console, ADR 0021): .../accounts/{entUserId}/functions, .../accounts/{entUserId}/enabled
            case "PUT", "DELETE" -> (path.size() >= 3 && path.get(2).equals("branding"))
                    || (request.getMethod().equals("PUT") && path.size() == 5 && path.get(2).equals("accounts")
                            && (path.get(4).equals("functions") || path.get(4).equals("enabled")))
                    || choosesApps(request.getMethod(), path);
            default -> false;
        };
    }

    /**
     * The apps the collectivity offers ({@code PUT .../apps}): its administrator chooses them in the tenant console
     * (docs/console.md, "Apps and look"); the console itself stays on whatever they choose.
     */
    private static boolean choosesApps(String method, List<String> path) {
        return method.equals("PUT") && path.size() == 3 && path.get(2).equals("apps");
    }

    private VerifiedToken verify(String token, String realm, String audience) {
        try {
            return verifier.verifyAccessToken(token, realm, audience);
        } catch (InvalidTokenException e) {
            if (e.reason() == InvalidTokenException.Reason.KEYS_UNAVAILABLE) {
                throw new Unavailable("identity-unavailable").retryAfter(Duration.ofSeconds(30));
            }
            LOG.info(() -> "admin API token refused (realm " + realm + "): " + e.reason());
            throw invalidToken();
        }
    }

    private static ProblemException invalidToken() {
        return new ProblemException(401, "invalid-token")
                .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }
}
