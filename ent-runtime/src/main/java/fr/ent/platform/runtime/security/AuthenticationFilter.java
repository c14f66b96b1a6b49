package fr.ent.platform.runtime.security;

import fr.ent.platform.identity.InvalidTokenException;
import fr.ent.platform.identity.Realms;
import fr.ent.platform.identity.TokenVerifier;
import fr.ent.platform.identity.VerifiedToken;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.problem.ProblemException;
import fr.ent.platform.problem.Unavailable;
import fr.ent.platform.runtime.security.login.PortalSession;
import fr.ent.platform.runtime.security.login.PortalSessions;
import fr.ent.platform.runtime.tenant.Tenant;
import fr.ent.platform.runtime.tenant.TenantContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Establishes the caller of every API request of a collectivity, from a bearer token (apps, scripts) or from
 * the portal session cookie (the browser, after {@code /auth/login}). Either way the token must have been
 * issued by this collectivity's own realm for the ENT API: a token of another collectivity is refused (401),
 * whatever it claims. A session caller changing something must also send the session's anti-forgery token
 * (header {@code X-CSRF-Token}), which a page of another site cannot read; a bearer caller needs none since a
 * browser never attaches a bearer token on its own. No token and no session: anonymous, and {@link AccessControl}
 * decides whether the endpoint allows that.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(AuthenticationFilter.class.getName());
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    public static final String CSRF_HEADER = "X-CSRF-Token";

    @Inject
    TenantContext tenants;

    @Inject
    TokenVerifier verifier;

    @Inject
    PortalSessions sessions;

    @Inject
    Caller caller;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        Tenant tenant = tenants.current();
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            VerifiedToken token = bearer(authorization, tenant);
            caller.authenticated(token, Caller.Via.BEARER);
            request.setSecurityContext(new CallerSecurityContext(token, request.getSecurityContext().isSecure()));
            return;
        }
        Optional<PortalSession> session = sessions.current(servletRequest, tenant);
        if (session.isEmpty()) {
            return;
        }
        if (!SAFE_METHODS.contains(request.getMethod()) && !sameSecret(session.get().csrfToken(),
                request.getHeaderString(CSRF_HEADER))) {
            throw new NotAllowed("csrf-refused");
        }
        VerifiedToken token = session.get().token();
        caller.authenticated(token, Caller.Via.SESSION);
        request.setSecurityContext(new CallerSecurityContext(token, request.getSecurityContext().isSecure()));
    }

    private VerifiedToken bearer(String authorization, Tenant tenant) {
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw invalidToken();
        }
        try {
            return verifier.verifyAccessToken(authorization.substring(7).trim(),
                    Realms.ofCollectivity(tenant.slug()), Realms.API_AUDIENCE);
        } catch (InvalidTokenException e) {
            if (e.reason() == InvalidTokenException.Reason.KEYS_UNAVAILABLE) {
                LOG.warning(() -> "tenant=" + tenant.slug() + " cannot fetch the realm keys: " + e.getMessage());
                throw new Unavailable("identity-unavailable").retryAfter(Duration.ofSeconds(30));
            }
            LOG.info(() -> "tenant=" + tenant.slug() + " bearer token refused: " + e.reason());
            throw invalidToken();
        }
    }

    private static ProblemException invalidToken() {
        return new ProblemException(401, "invalid-token")
                .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }

    /** Constant-time comparison, so that the token cannot be guessed byte by byte from response times. */
    private static boolean sameSecret(String expected, String presented) {
        return presented != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
