package fr.ent.platform.apps.sharing.web;

import java.util.Optional;

/**
 * What a path under /sharing names: {@code /<app>/<type>/<id>}, a resource's dialog. The page to go back to is a
 * path of this site only ({@code return}), never another site (an open redirect).
 */
public record DialogRoute(String app, String type, String id) {

    public static Optional<DialogRoute> of(String pathInfo) {
        if (pathInfo == null) {
            return Optional.empty();
        }
        String[] parts = pathInfo.substring(1).split("/", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        return Optional.of(new DialogRoute(parts[0], parts[1], parts[2]));
    }

    public String path() {
        return "/sharing/" + app + "/" + type + "/" + id;
    }

    /** A local path to return to, else the home page. */
    public static String returnTo(String wanted) {
        if (wanted == null || !wanted.startsWith("/") || wanted.startsWith("//") || wanted.startsWith("/\\")
                || wanted.length() > 300 || wanted.chars().anyMatch(c -> c < 0x21 || c == '\\')) {
            return "/";
        }
        return wanted;
    }
}
