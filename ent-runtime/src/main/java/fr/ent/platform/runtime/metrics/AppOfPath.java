package fr.ent.platform.runtime.metrics;

import java.util.Set;

/**
 * The {@code app} label of a request, from its path by a fixed table, so that the label stays bounded whatever
 * paths clients send: {@code /} is the portal, {@code /api/<app>/...} and an app's pages {@code /<app>...} the app
 * if it is one of {@link #API_APPS} (the same paths the app catalogue gives an app, see InstalledApps), the login
 * paths {@code auth}, anything else {@code other}.
 */
public final class AppOfPath {

    /**
     * The ENT apps with an API under /api/<app>: the roadmap's apps, so that a new one needs no code here; and
     * {@code probe}, the synthetic probe's endpoint, kept apart so that its calls are not mistaken for users'.
     */
    static final Set<String> API_APPS = Set.of("directory", "account", "auth", "portal", "homepage", "communities",
            "wiki", "courses", "falc", "disconnect", "alerts", "diary", "editor", "notifications", "flash",
            "sharing", "actualites", "messagerie", "moderation", "documents", "console", "privacy",
            "probe");
    private static final Set<String> AUTH_PATHS = Set.of("auth", "login", "logout", "oidc", "callback");
    public static final String OTHER = "other";

    private AppOfPath() {
    }

    /** {@code path}: the request path inside the application (request URI without the context path). */
    public static String of(String path) {
        if (path == null || path.isEmpty() || path.equals("/") || path.equals("/index.html")) {
            return "portal";
        }
        String first = segment(path, 1);
        if (first.equals("api")) {
            String app = segment(path, 5);
            return API_APPS.contains(app) ? app : OTHER;
        }
        if (AUTH_PATHS.contains(first)) {
            return "auth";
        }
        if (first.equals("health")) {
            return "health";
        }
        return API_APPS.contains(first) && !first.equals("probe") ? first : OTHER;
    }

    /**
     * Where an app's id stands in a path: {@code /api/<id>/...} or a page {@code /<id>...}; empty when the path has
     * none. The app catalogue (InstalledApps) finds a request's app by the same rule as the metrics label.
     */
    public static String appSegment(String path) {
        if (path == null || path.length() < 2) {
            return "";
        }
        String first = segment(path, 1);
        return first.equals("api") ? segment(path, 5) : first;
    }

    /** The path segment starting at {@code from} (up to the next slash, semicolon or end). */
    private static String segment(String path, int from) {
        if (from > path.length()) {
            return "";
        }
        int end = from;
        while (end < path.length() && path.charAt(end) != '/' && path.charAt(end) != ';') {
            end++;
        }
        return path.substring(from, end);
    }
}
