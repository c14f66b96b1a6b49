package fr.ent.platform.apps.communities;

import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.runtime.text.RichText;

/** The bodies the API and the forms send, and their checks: each refusal names its field. */
public final class Inputs {

    public static final int NAME_MAX = 80;
    public static final int DESCRIPTION_MAX = 1000;
    public static final int TITLE_MAX = 120;
    public static final int CONTENT_MAX = 20_000;

    private Inputs() {
    }

    public record CommunityInput(String name, String description) {
    }

    /** An announcement, or a topic with its first post: a title and rich text. */
    public record PostInput(String title, String content) {
    }

    public record ReplyInput(String content) {
    }

    /** Whom to invite, or whose request to answer, or who succeeds the last administrator: a directory id. */
    public record PersonInput(String person) {
    }

    public static String name(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > NAME_MAX) {
            throw InvalidInput.field("name", "communities.name", NAME_MAX);
        }
        return n;
    }

    public static String description(String description) {
        String d = description == null ? "" : description.strip();
        if (d.length() > DESCRIPTION_MAX) {
            throw InvalidInput.field("description", "communities.description", DESCRIPTION_MAX);
        }
        return d;
    }

    public static String title(String title) {
        String t = title == null ? "" : title.strip();
        if (t.isEmpty() || t.length() > TITLE_MAX) {
            throw InvalidInput.field("title", "communities.title", TITLE_MAX);
        }
        return t;
    }

    /** Rich text as typed (plain lines or HTML), sanitized by the platform's sanitizer; empty once sanitized: refused. */
    public static String content(String content) {
        String raw = content == null ? "" : content;
        if (raw.length() > CONTENT_MAX) {
            throw InvalidInput.field("content", "communities.content", CONTENT_MAX);
        }
        String safe = RichText.sanitize(RichText.typed(raw)).strip();
        if (RichText.plain(safe).isEmpty() || safe.length() > CONTENT_MAX) {
            throw InvalidInput.field("content", "communities.content", CONTENT_MAX);
        }
        return safe;
    }
}
