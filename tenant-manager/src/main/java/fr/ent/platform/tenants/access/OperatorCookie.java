package fr.ent.platform.tenants.access;

import java.util.List;

/**
 * How a hosting operator's browser carries its platform-admin token (ADR 0026): the admin API takes bearer tokens
 * only, which a browser does not send, so the sign-in form ({@code /operator/session}) takes the token once and
 * keeps it in a cookie that scripts cannot read (HttpOnly), that no other site's page sends (SameSite=Strict), and
 * that only the admin endpoint's read-only operator pages accept: the overview and the two reports it links to, by
 * GET. Every change of the admin API still needs the bearer header, so the cookie gives no way to a cross-site
 * request forgery. The token in it is verified at each request like a bearer token, so it lasts as long as the
 * token does (minutes) and the operator signs in again with a new one.
 */
public final class OperatorCookie {

    public static final String COOKIE = "ent_operator_token";
    /** Under the admin API's root: the cookie goes to the admin endpoint's API only, never to a portal. */
    public static final String COOKIE_PATH = "/admin/api/v1/";
    /** The sign-in form and the sign-out, the only admin API paths open without a token. */
    public static final List<String> SIGN_IN = List.of("operator", "session");
    public static final List<String> SIGN_OUT = List.of("operator", "session", "end");

    private OperatorCookie() {
    }

    /** The API paths (segments) a cookie may open, by GET or HEAD: the overview and each collectivity's reports. */
    public static boolean acceptsCookie(String method, List<String> path) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return false;
        }
        return path.equals(List.of("operator")) || (path.size() == 3 && path.get(0).equals("collectivities")
                && (path.get(2).equals("sla-report") || path.get(2).equals("compliance-report")));
    }

    /**
     * The {@code Set-Cookie} value keeping {@code token} (a JWT: base64url and dots, nothing a cookie value cannot
     * hold); no Max-Age: gone with the browser session, and useless anyway once the token expires.
     */
    public static String cookie(String token, boolean secure) {
        if (!token.matches("[A-Za-z0-9._~+/=-]+")) {
            throw new IllegalArgumentException("not a token");
        }
        return COOKIE + "=" + token + attributes(secure);
    }

    /** The {@code Set-Cookie} value that erases it. */
    public static String cleared(boolean secure) {
        return COOKIE + "=; Max-Age=0" + attributes(secure);
    }

    private static String attributes(boolean secure) {
        return "; Path=" + COOKIE_PATH + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }
}
