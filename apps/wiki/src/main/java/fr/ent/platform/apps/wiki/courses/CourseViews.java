package fr.ent.platform.apps.wiki.courses;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the courses API answers and the pages show. States are {@code draft|published}, rights {@code read|contrib|manager}. */
public final class CourseViews {

    private CourseViews() {
    }

    public record Summary(UUID id, String ownerKind, UUID ownerId, String ownerName, String title, String level,
            String subject, int durationMinutes, String state, String right) {
    }

    public record Attachment(UUID id, String name, String contentType) {
    }

    /**
     * A chapter: {@code content} and {@code exercises} sanitized HTML; {@code aiWritten}: drafted by the AI provider
     * and not saved by a person since (« Rédigé par l'IA, non relu »); {@code version}: what a save names as its
     * {@code baseVersion}.
     */
    public record Chapter(UUID id, UUID courseId, int position, String title, List<String> objectives,
            String content, String exercises, boolean aiWritten, int version, Instant updatedAt, String updatedBy,
            List<Attachment> attachments) {
    }

    /**
     * A course with its chapters in order. {@code generated}: drafted by the AI provider; {@code aiPrompt} and
     * {@code aiParameters} (the prompt sent and its parameters, kept for audit) are given to its writers only.
     */
    public record Course(UUID id, String ownerKind, UUID ownerId, String ownerName, String title, String level,
            String subject, int durationMinutes, String state, String right, boolean writes, boolean manages,
            boolean generated, String aiPrompt, String aiParameters, Instant createdAt, Instant publishedAt,
            List<Chapter> chapters) {

        public boolean published() {
            return "published".equals(state);
        }
    }

    /** A class or school where the reader may write a course. */
    public record OwnerChoice(String kind, UUID id, String name) {
    }

    /** A community of the collectivity, by name (apps/communities). */
    public record CommunityChoice(UUID id, String name) {
    }

    /**
     * Where a course is published beyond its class or school, for its manager: {@code publishedTo} the communities
     * whose members read it (a READ share to each), {@code choices} those the manager administers where it is not yet.
     */
    public record Communities(List<CommunityChoice> publishedTo, List<CommunityChoice> choices) {

        public static final Communities NONE = new Communities(List.of(), List.of());
    }

    /** A file of the writer's espace documentaire they may attach. */
    public record Attachable(UUID id, String name) {
    }
}
