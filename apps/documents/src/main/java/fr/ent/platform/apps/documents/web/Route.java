package fr.ent.platform.apps.documents.web;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path under {@code /documents} as the pages read it: {@code ""} (the top of one's space), {@code shared},
 * {@code trash}, {@code upload}, {@code folders}, or {@code <kind>/<id>[/<action>]} with kind {@code folders},
 * {@code files} or {@code nodes}. Anything else is no page.
 */
public record Route(String kind, String id, String action) {

    private static final Pattern WITH_ID = Pattern.compile("^/(folders|files|nodes)/([0-9a-fA-F-]{1,36})(?:/([a-z]+))?$");

    public static Optional<Route> of(String pathInfo) {
        String p = pathInfo == null || pathInfo.equals("/") ? "" : pathInfo;
        switch (p) {
            case "" -> {
                return Optional.of(new Route("root", "", ""));
            }
            case "/shared", "/trash", "/upload", "/folders" -> {
                return Optional.of(new Route(p.substring(1), "", ""));
            }
            default -> {
                Matcher m = WITH_ID.matcher(p);
                return m.matches() ? Optional.of(new Route(m.group(1), m.group(2), m.group(3) == null ? ""
                        : m.group(3))) : Optional.empty();
            }
        }
    }
}
