package fr.ent.platform.runtime.security.login;

import fr.ent.platform.identity.InvalidTokenException;
import fr.ent.platform.identity.Realms;
import fr.ent.platform.identity.TokenVerifier;
import fr.ent.platform.identity.VerifiedToken;
import fr.ent.platform.problem.Problem;
import fr.ent.platform.runtime.tenant.Tenant;
import fr.ent.platform.runtime.tenant.TenantContext;
import fr.ent.platform.runtime.web.Pages;
import fr.ent.platform.runtime.web.StatusPage;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Browser login on the collectivity's portal: OpenID Connect authorization code flow with PKCE against the
 * collectivity's own realm. {@code /auth/login} remembers a {@link LoginAttempt} in the session and sends the
 * browser to Keycloak; {@code /auth/callback} checks the state, exchanges the code (with the PKCE verifier),
 * verifies the tokens for this collectivity, then gives the browser a new session id (no session fixation).
 */
@WebServlet(urlPatterns = {"/auth/login", "/auth/callback"}, name = "portal-login")
public class LoginServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(LoginServlet.class.getName());
    private static final String ATTEMPTS = "ent.login-attempts";
    private static final int MAX_PENDING_ATTEMPTS = 5;
    private static final Duration ATTEMPT_LIFETIME = Duration.ofMinutes(15);
    private static final java.util.regex.Pattern IDP_ALIAS = java.util.regex.Pattern.compile("^[a-z][a-z0-9-]{1,39}$");

    @Inject
    TenantContext tenants;

    @Inject
    TokenVerifier verifier;

    @Inject
    TokenEndpoint tokenEndpoint;

    @Inject
    PortalSessions sessions;

    @Inject
    PortalAddress portal;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        if (request.getServletPath().endsWith("/callback")) {
            callback(request, response);
        } else {
            login(request, response);
        }
    }

    private void login(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Tenant tenant = tenants.current();
        LoginAttempt attempt = LoginAttempt.start(portal.base(request) + "/auth/callback",
                localPath(request.getParameter("return")));
        HttpSession session = request.getSession(true);
        pending(session).put(attempt.state(), attempt);
        String realm = Realms.ofCollectivity(tenant.slug());
        if (!probe.answers(realm)) {
            // our page, not the browser's "cannot reach" error on Keycloak's address
            unavailable(request, response);
            return;
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", Realms.PORTAL_CLIENT);
        query.put("response_type", "code");
        query.put("scope", "openid");
        query.put("redirect_uri", attempt.redirectUri());
        query.put("state", attempt.state());
        query.put("nonce", attempt.nonce());
        query.put("code_challenge", attempt.codeChallenge());
        query.put("code_challenge_method", "S256");
        query.put("ui_locales", Pages.locale(request).getLanguage());
        String idp = request.getParameter("idp");
        if (idp != null && IDP_ALIAS.matcher(idp).matches()) {
            // "test the login" of the tenant console (ADR 0025): straight to that provider of this realm, asked
            // again even with a Keycloak session open
            query.put("kc_idp_hint", idp);
            query.put("prompt", "login");
        }
        response.sendRedirect(verifier.endpoints(realm).authorization(realm) + "?" + form(query));
    }

    private void callback(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Tenant tenant = tenants.current();
        HttpSession session = request.getSession(false);
        String state = request.getParameter("state");
        LoginAttempt attempt = session == null || state == null ? null : pending(session).remove(state);
        if (attempt == null || attempt.startedAt().plus(ATTEMPT_LIFETIME).isBefore(Instant.now())) {
            fail(request, response, 400, "login-failed.state");
            return;
        }
        if (request.getParameter("error") != null || request.getParameter("code") == null) {
            fail(request, response, 400, "login-failed.cancelled");
            return;
        }
        String realm = Realms.ofCollectivity(tenant.slug());
        try {
            TokenSet tokens = tokenEndpoint.exchangeCode(realm, request.getParameter("code"), attempt);
            verifier.verifyIdToken(tokens.idToken(), realm, Realms.PORTAL_CLIENT, attempt.nonce());
            VerifiedToken access = verifier.verifyAccessToken(tokens.accessToken(), realm, Realms.API_AUDIENCE);
            request.changeSessionId();
            HttpSession signedIn = request.getSession();
            signedIn.removeAttribute(ATTEMPTS);
            sessions.signedIn(signedIn, sessions.open(tenant.slug(), tokens, access));
            LOG.info(() -> "tenant=" + tenant.slug() + " portal login of " + access.username());
            rememberedLanguage(tenant, access).ifPresent(language ->
                    response.addCookie(Pages.languageCookie(request, language)));
            // Absolute, on the collectivity's own domain: a relative redirect would be completed by the container
            // with its own address, which is not a collectivity domain behind a proxy.
            response.sendRedirect(portal.base(request) + attempt.returnTo());
        } catch (LoginException e) {
            LOG.warning(() -> "tenant=" + tenant.slug() + " login failed: " + e.getMessage());
            if (e.unreachable()) {
                unavailable(request, response);
            } else {
                fail(request, response, 502, "login-failed.refused");
            }
        } catch (InvalidTokenException e) {
            LOG.warning(() -> "tenant=" + tenant.slug() + " login failed: " + e.getMessage());
            fail(request, response, 502, "login-failed.refused");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, LoginAttempt> pending(HttpSession session) {
        // Two tabs starting a login at the same instant may each create the map: one attempt is then lost and
        // that tab's callback asks to log in again, which is harmless.
        Map<String, LoginAttempt> attempts = (Map<String, LoginAttempt>) session.getAttribute(ATTEMPTS);
        if (attempts == null) {
            attempts = Collections.synchronizedMap(new BoundedAttempts());
            session.setAttribute(ATTEMPTS, attempts);
        }
        return attempts;
    }

    /** At most a few logins pending per browser (several tabs), the oldest forgotten first. */
    private static final class BoundedAttempts extends LinkedHashMap<String, LoginAttempt> {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LoginAttempt> eldest) {
            return size() > MAX_PENDING_ATTEMPTS;
        }
    }

    /** Only a path of this site may be returned to after login (no open redirect to another site). */
    static String localPath(String candidate) {
        if (candidate == null || !candidate.startsWith("/") || candidate.startsWith("//")
                || candidate.contains("\\") || candidate.chars().anyMatch(Character::isISOControl)) {
            return "/";
        }
        return candidate;
    }

    static String form(Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        values.forEach((k, v) -> {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return out.toString();
    }

    /** The reason comes from the problem bundle too, so that it is in the reader's language like the rest. */
    private static void fail(HttpServletRequest request, HttpServletResponse response, int status, String reasonKey)
            throws IOException {
        Locale locale = Pages.locale(request);
        Problem problem = Problem.of(status, "login-failed", locale, Problem.message(reasonKey, locale));
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(StatusPage.render(problem, locale));
    }

    /** Keycloak does not answer: a readable page, try again in a few minutes. */
    private static void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = Pages.locale(request);
        response.setStatus(503);
        response.setHeader("Retry-After", "60");
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(StatusPage.render(Problem.of(503, "identity-unavailable", locale), locale));
    }

    @Inject
    jakarta.enterprise.inject.Instance<fr.ent.platform.runtime.choices.PersonalChoices> choices;

    @Inject
    IdentityProviderProbe probe;

    /** The language the user chose on another device, which this browser adopts at sign-in. */
    private java.util.Optional<java.util.Locale> rememberedLanguage(Tenant tenant, VerifiedToken access) {
        if (access.entUserId().isEmpty() || !choices.isResolvable() || !tenant.enables("directory")) {
            return java.util.Optional.empty();
        }
        return choices.get().language(java.util.UUID.fromString(access.entUserId().get()));
    }
}
