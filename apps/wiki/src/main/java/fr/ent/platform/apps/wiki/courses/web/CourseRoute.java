package fr.ent.platform.apps.wiki.courses.web;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path under {@code /courses} as the pages read it: {@code ""} (my courses and the two forms), {@code /new} (write
 * one), {@code /generate} (generate one), {@code /<id>[/chapter|/chapters|/publish|/delete|/communities]},
 * {@code /<id>/communities/<community>/withdraw}, {@code /chapters/<id>[/edit|/delete|/live|/live-exercises]},
 * {@code /chapters/<id>/attachments/<document>}. Anything else is no page. {@code document} is the second id of a
 * path: the attached document's, or the community's.
 */
public record CourseRoute(String kind, String id, String action, String document) {

    private static final String ID = "([0-9a-fA-F-]{1,36})";
    private static final Pattern COURSE = Pattern.compile("^/" + ID
            + "(?:/(chapter|chapters|publish|delete|communities))?$");
    private static final Pattern WITHDRAW = Pattern.compile("^/" + ID + "/communities/" + ID + "/withdraw$");
    private static final Pattern CHAPTER = Pattern.compile("^/chapters/" + ID
            + "(?:/(edit|delete|live|live-exercises)|/attachments/" + ID + ")?$");

    /** A chapter's live editing channel (JSON, never a redirect to the sign-in page). */
    public boolean live() {
        return kind.equals("chapters") && action.startsWith("live");
    }

    public static Optional<CourseRoute> of(String pathInfo) {
        String p = pathInfo == null || pathInfo.equals("/") ? "" : pathInfo;
        if (p.isEmpty()) {
            return Optional.of(new CourseRoute("root", "", "", ""));
        }
        if (p.equals("/new") || p.equals("/generate")) {
            return Optional.of(new CourseRoute("root", "", p.substring(1), ""));
        }
        Matcher m = CHAPTER.matcher(p);
        if (m.matches()) {
            String action = m.group(3) != null ? "attachments" : m.group(2) == null ? "" : m.group(2);
            return Optional.of(new CourseRoute("chapters", m.group(1), action, m.group(3) == null ? "" : m.group(3)));
        }
        m = WITHDRAW.matcher(p);
        if (m.matches()) {
            return Optional.of(new CourseRoute("courses", m.group(1), "withdraw", m.group(2)));
        }
        m = COURSE.matcher(p);
        if (m.matches()) {
            return Optional.of(new CourseRoute("courses", m.group(1), m.group(2) == null ? "" : m.group(2), ""));
        }
        return Optional.empty();
    }
}
