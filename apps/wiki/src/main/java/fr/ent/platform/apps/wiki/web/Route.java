package fr.ent.platform.apps.wiki.web;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path under {@code /wiki} as the pages read it: {@code ""} (my wikis), {@code /wikis} (a new wiki),
 * {@code /wikis/<id>[/new|/pages]}, {@code /pages/<id>[/edit|/delete|/history|/diff|/move|/live]},
 * {@code /pages/<id>/versions/<n>[/restore]}. Anything else is no page.
 */
public record Route(String kind, String id, String action, String number) {

    private static final Pattern PATH = Pattern.compile("^/(wikis|pages)/([0-9a-fA-F-]{1,36})"
            + "(?:/(new|pages|edit|delete|history|diff|versions|move|live)(?:/([0-9]{1,9})(/restore)?)?)?$");

    /** The live editing channel of a page (JSON, never a redirect to the sign-in page). */
    public boolean live() {
        return kind.equals("pages") && action.equals("live");
    }

    public static Optional<Route> of(String pathInfo) {
        String p = pathInfo == null || pathInfo.equals("/") ? "" : pathInfo;
        if (p.isEmpty()) {
            return Optional.of(new Route("root", "", "", ""));
        }
        if (p.equals("/wikis")) {
            return Optional.of(new Route("wikis", "", "", ""));
        }
        Matcher m = PATH.matcher(p);
        if (!m.matches()) {
            return Optional.empty();
        }
        String action = m.group(3) == null ? "" : m.group(3);
        String number = m.group(4) == null ? "" : m.group(4);
        if (action.equals("versions") == number.isEmpty()) {
            return Optional.empty();
        }
        if (m.group(5) != null) {
            action = "restore";
        }
        return Optional.of(new Route(m.group(1), m.group(2), action, number));
    }
}
