package fr.ent.platform.apps.actualites;

/** What clients send (JSON bodies or forms), before any check. */
public final class Inputs {

    private Inputs() {
    }

    /** @param structure a school's UAI, or none for the whole collectivity */
    public record ThreadInput(String title, String structure) {
    }

    /** @param content rich text (HTML), sanitized on the server */
    public record ItemInput(String title, String content) {
    }

    /** ISO-8601 dates with an offset; no publication date: now; no expiry: never. */
    public record PublishInput(String publishAt, String expireAt) {
    }

    public record CommentInput(String text) {
    }
}
