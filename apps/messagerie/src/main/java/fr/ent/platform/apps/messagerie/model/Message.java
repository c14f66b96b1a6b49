package fr.ent.platform.apps.messagerie.model;

import fr.ent.platform.runtime.persistence.UuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;





import org.eclipse.persistence.annotations.Converter;

/**
 * A message as its author wrote it, stored once whoever holds it (see V1__messagerie.sql). A draft may change
 * until it is sent; a sent message never changes.
 */
@Entity
@Table(name = "message")
@Converter(name = UuidConverter.NAME, converterClass = UuidConverter.class)
public class Message {

    public static final String DRAFT = "DRAFT";
    public static final String SENT = "SENT";

    @Id
    @Convert(UuidConverter.NAME)
    private UUID id;

    @Convert(UuidConverter.NAME)
    @Column(name = "thread_id", nullable = false)
    private UUID threadId;

    @Convert(UuidConverter.NAME)
    @Column(name = "parent_id")
    private UUID parentId;

    @Convert(UuidConverter.NAME)
    @Column(name = "author_id", nullable = false, updatable = false)
    private UUID authorId;

    @Column(name = "author_name", nullable = false)
    private String authorName;

    @Column(name = "subject", nullable = false)
    private String subject;

    @Column(name = "body", nullable = false)
    private String body;

    @Column(name = "body_text", nullable = false)
    private String bodyText;

    @Column(name = "state", nullable = false)
    private String state;

    @Convert(UuidConverter.NAME)
    @Column(name = "send_key")
    private UUID sendKey;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    protected Message() {
    }

    /** A new draft; a reply or a forward names the message it answers (its thread is that message's). */
    public Message(UUID authorId, String authorName, UUID parentId, UUID threadId, OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.threadId = threadId == null ? id : threadId;
        this.parentId = parentId;
        this.authorId = authorId;
        this.authorName = authorName;
        this.subject = "";
        this.body = "";
        this.bodyText = "";
        this.state = DRAFT;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void write(String subject, String body, String bodyText, OffsetDateTime now) {
        if (!isDraft()) {
            throw new IllegalStateException("a sent message does not change");
        }
        this.subject = subject;
        this.body = body;
        this.bodyText = bodyText;
        this.updatedAt = now;
    }

    public void send(UUID sendKey, OffsetDateTime now) {
        this.state = SENT;
        this.sendKey = sendKey;
        this.sentAt = now;
        this.updatedAt = now;
    }

    public boolean isDraft() {
        return DRAFT.equals(state);
    }

    public UUID id() {
        return id;
    }

    public UUID threadId() {
        return threadId;
    }

    public UUID parentId() {
        return parentId;
    }

    public UUID authorId() {
        return authorId;
    }

    public String authorName() {
        return authorName;
    }

    public String subject() {
        return subject;
    }

    public String body() {
        return body;
    }

    public String bodyText() {
        return bodyText;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public OffsetDateTime sentAt() {
        return sentAt;
    }
}
