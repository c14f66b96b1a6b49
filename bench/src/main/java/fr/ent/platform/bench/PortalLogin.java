package fr.ent.platform.bench;

import fr.ent.platform.testing.login.LoginAgent;
import java.net.URI;
import java.net.http.HttpResponse;

/**
 * The portal's browser login, as a browser without JavaScript does it over plain HTTP: {@code /auth/login} on the
 * collectivity's domain, the runtime's redirect to its realm (code flow with PKCE), Keycloak's login form filled and
 * posted, the redirect to {@code /auth/callback} (where the runtime exchanges the code), and back to {@code /}, which
 * must name the user. One agent is one browser: its cookie jar is the session, so a new agent is a new session.
 * The set-ups of the portal benchmarks sign their people in with it ({@link BenchPlatform#portalSession}), and
 * {@link LoginStormBench} measures it.
 */
final class PortalLogin {

    private PortalLogin() {
    }

    /**
     * How a login ended: the portal session, or a short kind of failure (no user name, no address: failures are
     * counted by kind) and what was seen, for a set-up's error message.
     */
    record Outcome(PortalSession session, String failure, String detail) {

        boolean succeeded() {
            return session != null;
        }

        static Outcome failed(String failure, String detail) {
            return new Outcome(null, failure, detail);
        }
    }

    /** Signs {@code login}'s user in to the portal of {@code domain} (served by the runtime at {@code runtimeBase}). */
    static Outcome signIn(LoginAgent browser, URI runtimeBase, String domain, PasswordLogin login) {
        String portal = "http://" + domain + ":" + runtimeBase.getPort();
        HttpResponse<String> loginPage;
        try {
            loginPage = browser.follow(browser.get(portal + "/auth/login?return=/"), null);
        } catch (IllegalStateException e) {
            return Outcome.failed("login page: " + cause(e), e.getMessage());
        }
        if (loginPage.statusCode() != 200) {
            return Outcome.failed("login page: HTTP " + loginPage.statusCode(), loginPage.uri() + " "
                    + start(loginPage.body()));
        }
        HttpResponse<String> home;
        try {
            home = browser.follow(browser.submitLogin(loginPage, login.username(), login.password()), null);
        } catch (IllegalStateException e) {
            return Outcome.failed("form posted: " + cause(e), e.getMessage());
        }
        if (home.statusCode() != 200 || !home.uri().getPath().equals("/")) {
            // Keycloak's form again (wrong password, locked out) answers 200 on Keycloak's own path
            return Outcome.failed("form posted: ended on " + home.uri().getPath().replaceFirst("^/realms/[^/]+/",
                    "/realms/{realm}/") + " HTTP " + home.statusCode(), home.uri() + " " + feedback(home.body()));
        }
        if (!home.body().contains(login.name())) {
            return Outcome.failed("home page does not name the user", home.uri() + " " + start(home.body()));
        }
        String session = browser.cookie(domain, PortalSession.COOKIE);
        if (session == null) {
            return Outcome.failed("no " + PortalSession.COOKIE + " cookie", home.uri().toString());
        }
        return new Outcome(new PortalSession(PortalSession.COOKIE + "=" + session, login.name()), null, null);
    }

    /** The agent wraps I/O failures in IllegalStateException: their kind is the cause's class. */
    private static String cause(IllegalStateException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return cause.getClass().getSimpleName();
    }

    private static final java.util.regex.Pattern FEEDBACK = java.util.regex.Pattern.compile(
            "(?s)<title>(.*?)</title>.*?(?:kc-feedback-text|alert-error|instruction)[^>]*>(.*?)</");

    /** Keycloak's page: its title and its message to the user, else the start of the body. */
    private static String feedback(String body) {
        java.util.regex.Matcher m = FEEDBACK.matcher(body);
        return m.find() ? m.group(1).strip() + ": " + m.group(2).strip() : start(body);
    }

    private static String start(String body) {
        return body.substring(0, Math.min(body.length(), 400));
    }
}
