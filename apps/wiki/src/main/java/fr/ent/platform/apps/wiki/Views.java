package fr.ent.platform.apps.wiki;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the API answers and the pages show (JSON as it is). Rights are spelled {@code read|contrib|manager}. */
public final class Views {

    private Views() {
    }

    /** A wiki in a list: whose, its title, the reader's right on it. */
    public record WikiSummary(UUID id, String ownerKind, UUID ownerId, String ownerName, String title, String right) {
    }

    /** A class or school where the reader may open a new wiki. */
    public record OwnerChoice(String kind, UUID id, String name) {
    }

    /** A page in the tree: its title and its children, in their order. */
    public record Node(UUID id, String title, List<Node> children) {
    }

    /** A wiki with its tree of pages; {@code writes}: the reader creates and edits pages; {@code manages}: shares. */
    public record Wiki(UUID id, String ownerKind, UUID ownerId, String ownerName, String title, String right,
            boolean writes, boolean manages, List<Node> pages) {
    }

    /** A link of a page: the title it names, the page it leads to ({@code null}: broken). */
    public record Link(String title, UUID pageId, boolean broken) {
    }

    /** A page of the trail from the wiki's top to a page. */
    public record Crumb(UUID id, String title) {
    }

    /**
     * A page: {@code content} as stored (sanitized HTML, what an editor starts from), {@code html} as shown (its links
     * resolved), its current {@code version} (what a save names as its {@code baseVersion}).
     */
    public record Page(UUID id, UUID wikiId, String wikiTitle, UUID parentId, String title, String content,
            String html, int version, Instant updatedAt, String updatedBy, List<Link> links, List<Crumb> trail,
            List<Node> children, boolean writes) {
    }

    /** One version in a page's history (newest first). {@code restoredFrom}: the version it copies back, or null. */
    public record Version(int number, String title, String authorName, Instant createdAt, Integer restoredFrom,
            boolean current) {
    }

    /** Some of a page's versions, newest first; {@code older}: where the older ones start (null: none left). */
    public record History(List<Version> versions, Integer older) {
    }

    /** One version, whole, as it was saved. */
    public record VersionContent(UUID pageId, int number, String title, String content, String html,
            String authorName, Instant createdAt, Integer restoredFrom, int current) {
    }

    /** From one version to another of a page: their titles and the paragraphs kept, removed and added. */
    public record Comparison(UUID pageId, String pageTitle, int from, int to, String fromTitle, String toTitle,
            List<Diffs.Row> rows) {
    }
}
