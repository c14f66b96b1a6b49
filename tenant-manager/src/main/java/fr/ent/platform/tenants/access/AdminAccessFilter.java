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
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * Every admin API request carries a bearer token. A token of the platform realm with role platform-admin (hosting
 * operators, the Kubernetes operator's service account) may do everything. A token of a collectivity's realm
 * with role SUPER_ADMIN may read its own collectivity (and whatever is under it but its realm's moves between
 * shards and a backup's file), change its display name,
 * branding and enabled apps, synchronise its accounts, set an account's functions and blocked state, reset an account, and configure
 * its identity providers (ADR 0025); any other collectivity, the list of all collectivities and every lifecycle
 * operation are refused (403). A token with role ADMIN_LOCAL (and schools in {@code admin_structures}) may read,
 * block, unblock and reset accounts and give CLASS_ADMIN, in its own collectivity, and the account resource
 * then allows it only for people attached to its schools ({@link LocalAdministration}). A token that is not valid
 * for the realm it claims is refused (401).
 *
 * <p>A hosting operator's browser may carry the platform-admin token in a cookie instead, for the read-only operator
 * pages only ({@link OperatorCookie}, ADR 0026); without it those pages answer the sign-in form.
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
        List<String> path = segments(request);
        if (path.equals(OperatorCookie.SIGN_IN) || path.equals(OperatorCookie.SIGN_OUT)) {
            // the operators' sign-in form and sign-out (ADR 0026): they take or drop a token, and need none
            return;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null && OperatorCookie.acceptsCookie(request.getMethod(), path)) {
            Cookie cookie = request.getCookies().get(OperatorCookie.COOKIE);
            if (cookie == null || cookie.getValue().isBlank()) {
                throw new SignInRequired("operator.signin.required");
            }
            try {
                authenticate(request, cookie.getValue().trim());
            } catch (ProblemException e) {
                // an expired or refused token: a page to sign in again, rather than a problem document
                if (e.status() != 401) {
                    throw e;
                }
                throw new SignInRequired("operator.signin.expired");
            }
            return;
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ProblemException.unauthorized("unauthenticated");
        }
        authenticate(request, authorization.substring(7).trim());
    }

    private void authenticate(ContainerRequestContext request, String token) {
        String realm = verifier.claimedRealm(token).orElseThrow(AdminAccessFilter::invalidToken);
        if (Realms.PLATFORM.equals(realm)) {
            caller.platformOperator(platformOperator(verifier, token).username());
            return;
        }
        String slug = Realms.collectivityOf(realm).orElseThrow(AdminAccessFilter::invalidToken);
        VerifiedToken verified = verify(verifier, token, realm, Realms.API_AUDIENCE);
        if (verified.hasRole(RealmRoles.SUPER_ADMIN) && allowedToCollectivityAdministrator(request, slug)) {
            caller.collectivityAdministrator(verified.username(), slug);
            return;
        }
        if (!verified.hasRole(RealmRoles.SUPER_ADMIN) && verified.hasRole(RealmRoles.ADMIN_LOCAL)
                && !verified.adminStructures().isEmpty() && allowedToLocalAdministrator(request, slug)) {
            // the path only: which person, AccountResource checks against the directory (LocalAdministration)
            caller.localAdministrator(verified.username(), slug, verified.adminStructures());
            return;
        }
        LOG.info(() -> "tenant=" + slug + " admin API refused to " + verified.username() + ": "
                + request.getMethod() + " /" + request.getUriInfo().getPath());
        throw new NotAllowed("forbidden");
    }

    /**
     * A school's local administrator (ADR 0025): one account of its own collectivity at a time, read it, block or
     * unblock it, reset it, change its CLASS_ADMIN function; and the accounts and activation letters of a class of
     * its schools (ADR 0029). Whether the people are of its schools is decided after, with the directory.
     */
    static boolean allowedToLocalAdministrator(ContainerRequestContext request, String slug) {
        List<String> path = segments(request);
        if (path.size() < 4 || !"collectivities".equals(path.get(0)) || !slug.equals(path.get(1))
                || !"accounts".equals(path.get(2)) || "sync".equals(path.get(3))) {
            return false;
        }
        return switch (request.getMethod()) {
            case "GET", "HEAD" -> path.size() == 4;
            case "PUT" -> path.size() == 5 && (path.get(4).equals("functions") || path.get(4).equals("enabled"));
            // a reset of one account; where a class's accounts stand and their activation letters: the resource
            // then refuses the whole request unless every person is attached to its schools (ActivationResource)
            case "POST" -> path.size() == 5 && (path.get(4).equals("reset") || (path.get(3).equals("activation")
                    && (path.get(4).equals("status") || path.get(4).equals("letters"))));
            // the account of one person of its schools, for an erasure (ADR 0032); checked after, as above
            case "DELETE" -> path.size() == 4 && !path.get(3).equals("activation");
            default -> false;
        };
    }

    private static List<String> segments(ContainerRequestContext request) {
        return request.getUriInfo().getPathSegments().stream().map(PathSegment::getPath)
                .filter(p -> !p.isEmpty()).toList();
    }

    /**
     * The token of a hosting operator: platform realm, admin API audience, role platform-admin.
     *
     * @throws ProblemException 401 invalid-token (not valid, or of another realm), 403 forbidden (no
     *         platform-admin role), 503 identity-unavailable
     */
    public static VerifiedToken platformOperator(TokenVerifier verifier, String token) {
        String realm = verifier.claimedRealm(token).orElseThrow(AdminAccessFilter::invalidToken);
        if (!Realms.PLATFORM.equals(realm)) {
            throw new NotAllowed("forbidden");
        }
        VerifiedToken verified = verify(verifier, token, realm, Realms.ADMIN_API_AUDIENCE);
        if (!verified.hasRole(RealmRoles.PLATFORM_ADMIN)) {
            throw new NotAllowed("forbidden");
        }
        return verified;
    }

    /** Its own collectivity only: read anything under it, change its name and branding, synchronise its accounts. */
    static boolean allowedToCollectivityAdministrator(ContainerRequestContext request, String slug) {
        List<String> path = segments(request);
        if (path.size() < 2 || !"collectivities".equals(path.get(0)) || !slug.equals(path.get(1))) {
            return false;
        }
        return switch (request.getMethod()) {
            // where backups stand, yes; a backup's encrypted file, no: it is the operators' (ADR 0040); its realm's
            // moves, no: they name the platform's Keycloak shards, which are the operators' alone (ADR 0048, 0050)
            case "GET", "HEAD" -> !(path.size() == 5 && path.get(2).equals("backups") && path.get(4).equals("file"))
                    && !(path.size() >= 3 && path.get(2).equals("realm"));
            case "PATCH" -> path.size() == 2;
            // account sync; where a group's accounts stand and their activation letters (the console, ADR 0023)
            case "POST" -> path.equals(List.of("collectivities", slug, "accounts", "sync"))
                    || path.equals(List.of("collectivities", slug, "accounts", "activation", "status"))
                    || path.equals(List.of("collectivities", slug, "accounts", "activation", "letters"))
                    // an account reset (a new activation code, or Keycloak's password e-mail): .../accounts/{id}/reset
                    || (path.size() == 5 && path.get(2).equals("accounts") && path.get(4).equals("reset"));
            // colours and logo: .../branding, .../branding/logo; an account's functions and blocked state (the
            // tenant console, ADR 0021): .../accounts/{entUserId}/functions, .../accounts/{entUserId}/enabled
            case "PUT", "DELETE" -> (path.size() >= 3 && path.get(2).equals("branding"))
                    || (request.getMethod().equals("PUT") && path.size() == 5 && path.get(2).equals("accounts")
                            && (path.get(4).equals("functions") || path.get(4).equals("enabled")))
                    // its EduConnect / academic SAML settings from the console (ADR 0025; not the links, not
                    // removing a provider: those stay the hosting operator's)
                    || (request.getMethod().equals("PUT") && path.size() == 4
                            && path.get(2).equals("identity-providers"))
                    // a person's account, for an erasure (the console, ADR 0032): .../accounts/{entUserId}
                    || (request.getMethod().equals("DELETE") && path.size() == 4 && path.get(2).equals("accounts")
                            && !path.get(3).equals("sync") && !path.get(3).equals("activation"))
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

    private static VerifiedToken verify(TokenVerifier verifier, String token, String realm, String audience) {
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
