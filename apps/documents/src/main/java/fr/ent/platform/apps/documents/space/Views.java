package fr.ent.platform.apps.documents.space;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the documents API and pages show. */
public final class Views {

    private Views() {
    }

    /** A folder or a file; for a file, its current version's size, type and number; the reader's right. */
    public record Node(UUID id, String kind, String name, UUID parent, UUID owner, long size, String contentType,
            int version, OffsetDateTime updatedAt, String right, boolean trashed) {

        public boolean folder() {
            return "folder".equals(kind);
        }
    }

    /** A folder's content (the top of one's own space: {@code folder} null), folders first, by name. */
    public record Listing(Node folder, List<Node> items, List<Node> path) {
    }

    public record Version(int number, long size, String contentType, UUID uploadedBy, OffsetDateTime uploadedAt) {
    }

    /** What a person has used of their space, and the space of their profile, in bytes. */
    public record Usage(long used, long quota) {

        public int percent() {
            return quota <= 0 ? 100 : (int) Math.min(100, used * 100 / quota);
        }
    }

    public record Quota(String profile, long bytes) {
    }
}
