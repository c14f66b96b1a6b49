package fr.ent.platform.apps.moderation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What the moderation app answers, to its pages and its API. */
public final class Views {

    private Views() {
    }

    /** A line of the queue: which content, whose, in what state, how many reports. */
    public record Case(UUID id, String app, String kind, String contentId, String authorName, List<String> schools,
            String title, String state, boolean open, OffsetDateTime reportedAt, long reports) {
    }

    /** A report as moderators read it. */
    public record Report(UUID id, String reporterName, String reason, String comment, OffsetDateTime at) {
    }

    public record Decision(String action, String moderator, String reason, OffsetDateTime at) {
    }

    /** One row of the audit trail. */
    public record Audit(long seq, OffsetDateTime at, String actor, String action, String content, String reason) {
    }

    /**
     * A case in full for its moderators: the original content (title, text: the evidence, kept even when the
     * app's content is neutralized or deleted), where readers see it, its reports, decisions and audit trail.
     */
    public record Detail(Case summary, Optional<UUID> authorId, String text, String link, List<Report> reports,
            List<Decision> decisions, List<Audit> audit) {
    }

    /** What a report answers to its reporter: its id and the case it joined (not the case's content). */
    public record Reported(UUID id) {
    }
}
