package fr.ent.platform.apps.communities;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the API answers and the pages show (records serialized as JSON as they are). */
public final class Views {

    private Views() {
    }

    /**
     * A community as anyone of the collectivity sees it (to ask to join), with where the reader stands:
     * {@code state} none, invited, requested or member; {@code role} member or admin when a member.
     */
    public record Summary(UUID id, String name, String description, long members, String state, String role) {

        public boolean member() {
            return "member".equals(state);
        }

        public boolean admin() {
            return member() && "admin".equals(role);
        }
    }

    /** A community as its members see it: its summary, latest announcements and topics, members and documents. */
    public record Community(Summary summary, List<Announcement> announcements, List<TopicLine> topics,
            List<MemberLine> members, List<MemberLine> pending, List<SharedLine> documents) {
    }

    /** A person's row: state and role, and when they entered it. */
    public record MemberLine(UUID id, String name, String state, String role, Instant since) {

        public boolean admin() {
            return "member".equals(state) && "admin".equals(role);
        }
    }

    public record Announcement(UUID id, String title, String content, String authorName, Instant createdAt) {
    }

    public record TopicLine(UUID id, String title, String authorName, Instant lastPostAt, long posts) {
    }

    /** A topic and its posts in order; a neutralized post's content is the moderation placeholder, as plain text. */
    public record Topic(UUID id, UUID communityId, String communityName, String title, List<Post> posts) {
    }

    public record Post(UUID id, String authorName, String content, Instant createdAt, boolean neutralized) {
    }

    /** A resource shared with the community (a document, a wiki...): its title, app and a link to open it. */
    public record SharedLine(String app, String type, String id, String title, String right, String link) {
    }

    /** Someone an administrator may invite (whom they may write to). */
    public record Candidate(UUID id, String name) {
    }
}
