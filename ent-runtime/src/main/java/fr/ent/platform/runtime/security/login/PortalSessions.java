package fr.ent.platform.runtime.security.login;

import fr.ent.platform.identity.InvalidTokenException;
import fr.ent.platform.identity.Realms;
import fr.ent.platform.identity.TokenVerifier;
import fr.ent.platform.identity.VerifiedToken;
import fr.ent.platform.runtime.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The portal sessions of this runtime instance: the signed-in user of a browser session, its token refreshed
 * shortly before it expires, and the index from Keycloak session id ({@code sid}) to HTTP sessions that
 * back-channel logout uses to end them. The index is per instance (see docs/identity.md for several replicas).
 */
@ApplicationScoped
public class PortalSessions {

    private static final Logger LOG = Logger.getLogger(PortalSessions.class.getName());
    static final String ATTRIBUTE = "ent.portal-session";
    private static final long REFRESH_MARGIN_SECONDS = 30;
    /** How long a session waits before asking a Keycloak that did not answer again. */
    static final java.time.Duration IDP_RETRY = java.time.Duration.ofSeconds(15);

    /** Key: realm + " " + sid. */
    private final Map<String, Set<HttpSession>> bySid = new ConcurrentHashMap<>();

    @Inject
    TokenVerifier verifier;

    @Inject
    TokenEndpoint tokenEndpoint;

    private final SessionOwners owners = SessionOwners.withNewKey();

    /** The signed-in user of this request's session, if it belongs to this collectivity and is still valid. */
    public Optional<PortalSession> current(HttpServletRequest request, Tenant tenant) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        PortalSession portal;
        try {
            portal = (PortalSession) session.getAttribute(ATTRIBUTE);
        } catch (IllegalStateException invalidated) {
            return Optional.empty();
        }
        if (portal == null || !portal.slug().equals(tenant.slug())) {
            return Optional.empty();
        }
        if (!portal.issuedBy().equals(verifier.endpoints(Realms.ofCollectivity(tenant.slug())))) {
            // its realm moved to another Keycloak shard since (ADR 0048): that server's session is gone with it
            LOG.info(() -> "tenant=" + portal.slug() + " portal session ended: its realm moved to another shard");
            forget(session);
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyGone) {
                // nothing to do
            }
            return Optional.empty();
        }
        if (portal.expiresBefore(Instant.now().plusSeconds(REFRESH_MARGIN_SECONDS)) && !refresh(portal, session)) {
            return Optional.empty();
        }
        return Optional.of(portal);
    }

    /** The session of a user who has just signed in to this collectivity. */
    PortalSession open(String slug, TokenSet tokens, VerifiedToken token) {
        return new PortalSession(slug, tokens, token, owners.tag(slug, token.subject()),
                verifier.endpoints(Realms.ofCollectivity(slug)));
    }

    void signedIn(HttpSession session, PortalSession portal) {
        session.setAttribute(ATTRIBUTE, portal);
        portal.token().sessionId().ifPresent(sid -> bySid
                .computeIfAbsent(key(portal.token().realm(), sid), k -> ConcurrentHashMap.newKeySet()).add(session));
    }

    /** Ends every HTTP session of a Keycloak session (back-channel logout); returns how many were ended. */
    int endKeycloakSession(String realm, String sid) {
        Set<HttpSession> sessions = bySid.remove(key(realm, sid));
        if (sessions == null) {
            return 0;
        }
        int ended = 0;
        for (HttpSession s : sessions) {
            try {
                s.invalidate();
                ended++;
            } catch (IllegalStateException alreadyGone) {
                // ended meanwhile by its own logout or by expiry
            }
        }
        return ended;
    }

    void forget(HttpSession session) {
        Object attribute;
        try {
            attribute = session.getAttribute(ATTRIBUTE);
        } catch (IllegalStateException invalidated) {
            return;
        }
        if (attribute instanceof PortalSession portal) {
            portal.token().sessionId().ifPresent(sid -> {
                Set<HttpSession> set = bySid.get(key(portal.token().realm(), sid));
                if (set != null) {
                    set.remove(session);
                }
            });
        }
    }

    private boolean refresh(PortalSession portal, HttpSession session) {
        synchronized (portal) {
            if (!portal.expiresBefore(Instant.now().plusSeconds(REFRESH_MARGIN_SECONDS))) {
                return true;
            }
            Instant now = Instant.now();
            if (portal.refreshWaits(now) && portal.mayOutliveTheIdentityProvider(now)) {
                return true; // Keycloak did not answer a moment ago: tried again after IDP_RETRY
            }
            String realm = Realms.ofCollectivity(portal.slug());
            try {
                TokenSet tokens = tokenEndpoint.refresh(realm, portal.refreshToken());
                VerifiedToken token = verifier.verifyAccessToken(tokens.accessToken(), realm, Realms.API_AUDIENCE);
                portal.refreshed(tokens, token);
                return true;
            } catch (LoginException e) {
                if (e.unreachable() && portal.mayOutliveTheIdentityProvider(now)) {
                    // Keycloak down is no reason to sign people out: the session goes on until Keycloak's own
                    // session would have ended (issue 18, reliability), trying again every IDP_RETRY
                    portal.retryRefreshAt(now.plus(IDP_RETRY));
                    LOG.warning(() -> "tenant=" + portal.slug() + " portal session kept: " + e.getMessage());
                    return true;
                }
                end(portal, session, e.getMessage());
                return false;
            } catch (InvalidTokenException e) {
                end(portal, session, e.getMessage());
                return false;
            }
        }
    }

    private void end(PortalSession portal, HttpSession session, String why) {
        LOG.info(() -> "tenant=" + portal.slug() + " portal session ended: refresh refused (" + why + ")");
        forget(session);
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyGone) {
            // nothing to do
        }
    }

    private static String key(String realm, String sid) {
        return realm + " " + sid;
    }
}
