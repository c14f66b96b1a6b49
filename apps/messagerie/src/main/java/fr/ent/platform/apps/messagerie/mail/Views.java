package fr.ent.platform.apps.messagerie.mail;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What the messagerie answers, to its pages and its API. */
public final class Views {

    private Views() {
    }

    /**
     * A line of a box: who, what, when. {@code correspondents}: the author in the inbox, the addressees elsewhere.
     * A message neutralized by moderation has the placeholder as its subject and {@code neutralized} set.
     */
    public record Summary(UUID id, UUID threadId, String subject, String authorName, String correspondents,
            OffsetDateTime at, boolean unread, boolean draft, int attachments, boolean neutralized) {

        public Summary(UUID id, UUID threadId, String subject, String authorName, String correspondents,
                OffsetDateTime at, boolean unread, boolean draft, int attachments) {
            this(id, threadId, subject, authorName, correspondents, at, unread, draft, attachments, false);
        }
    }

    /** One page of a box, a folder or a search; {@code more} says a next page has something. */
    public record Listing(List<Summary> items, int limit, int offset, boolean more) {
    }

    public record Addressee(String address, String kind, UUID id, String name) {
    }

    /**
     * A file of a message. {@code document}: the espace documentaire's file it refers to, when attached by
     * reference (read from there while its sender may read it), else null.
     */
    public record Attachment(UUID id, String name, String contentType, long size, UUID document) {
    }

    /**
     * A message as the person who holds it reads it. {@code bcc} is the author's alone; {@code box} and
     * {@code folderId} say where this person keeps it. A message neutralized by moderation has the placeholder as
     * its subject and body, no attachments, and {@code neutralized} set: nobody reads the original here (the
     * moderators read it in the moderation app).
     */
    public record Message(UUID id, UUID threadId, Optional<UUID> parentId, String subject, String body,
            UUID authorId, String authorName, List<Addressee> to, List<Addressee> cc, List<Addressee> bcc,
            Optional<OffsetDateTime> sentAt, OffsetDateTime at, boolean draft, String box, Optional<UUID> folderId,
            boolean trashed, boolean unread, List<Attachment> attachments, boolean neutralized) {

        public Message(UUID id, UUID threadId, Optional<UUID> parentId, String subject, String body,
                UUID authorId, String authorName, List<Addressee> to, List<Addressee> cc, List<Addressee> bcc,
                Optional<OffsetDateTime> sentAt, OffsetDateTime at, boolean draft, String box,
                Optional<UUID> folderId, boolean trashed, boolean unread, List<Attachment> attachments) {
            this(id, threadId, parentId, subject, body, authorId, authorName, to, cc, bcc, sentAt, at, draft, box,
                    folderId, trashed, unread, attachments, false);
        }
    }

    public record Folder(UUID id, Optional<UUID> parentId, String name, long unread) {
    }

    /** A person's attachments' weight against their quota, in bytes. */
    public record Usage(long used, long quota) {
    }
}
