package fr.ent.platform.apps.diary.web;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path under {@code /diary} as the pages read it: {@code ""} (my classes), {@code /classes/<id>[/new|/entries]},
 * {@code /entries/<id>[/edit|/delete]} or {@code /entries/<id>/attachments/<document>}. Anything else is no page.
 */
public record Route(String kind, String id, String action, String document) {

    private static final Pattern PATH = Pattern.compile("^/(classes|entries)/([0-9a-fA-F-]{1,36})"
            + "(?:/(new|entries|edit|delete|attachments)(?:/([0-9a-fA-F-]{1,36}))?)?$");

    public static Optional<Route> of(String pathInfo) {
        String p = pathInfo == null || pathInfo.equals("/") ? "" : pathInfo;
        if (p.isEmpty()) {
            return Optional.of(new Route("root", "", "", ""));
        }
        Matcher m = PATH.matcher(p);
        if (!m.matches()) {
            return Optional.empty();
        }
        String action = m.group(3) == null ? "" : m.group(3);
        String document = m.group(4) == null ? "" : m.group(4);
        if (action.equals("attachments") != !document.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Route(m.group(1), m.group(2), action, document));
    }
}
