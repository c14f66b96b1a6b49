package fr.ent.platform.apps.actualites;

import java.util.List;

/** What the API and the pages show of threads, items and comments (JSON as is). */
public final class Views {

    private Views() {
    }

    /** A thread and the caller's right on it ({@code read}, {@code contrib}, {@code manager}). */
    public record Thread(String id, String title, String structure, String right) {
    }

    /** An item; {@code content} is sanitized HTML; {@code state} as seen now (expired included). */
    public record Item(String id, String threadId, String threadTitle, String title, String content, String excerpt,
            String state, String publishAt, String expireAt, boolean mine, List<Comment> comments) {
    }

    public record Comment(String id, String author, String text, String createdAt) {
    }

    /**
     * What the caller may do with an item, from {@link Workflow} (pages show only these; the server checks again
     * on every request).
     */
    public record Actions(boolean edit, boolean submit, boolean publish, boolean delete, boolean comment) {
    }

    /** An item with what the caller may do with it. */
    public record ItemPage(Item item, Actions may) {
    }

    /** A thread with the items the caller sees in it. */
    public record ThreadPage(Thread thread, List<Item> items) {
    }
}
