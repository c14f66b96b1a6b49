package fr.ent.platform.apps.notifications.timeline;

import fr.ent.platform.runtime.persistence.UuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;





import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.util.Objects;

/** A notice as one recipient has it: when they see it (after their quiet hours), read or not, e-mailed or not. */
@Entity
@Table(name = "delivery")
@IdClass(Delivery.Key.class)
public class Delivery {

    /** Where the e-mail of a delivery stands. */
    public enum Email {
        /** not to be e-mailed (the recipient's choice or the type's default) */
        NONE,
        /** to be sent once visible */
        DUE,
        SENT,
        /** the recipient has no e-mail address in the directory */
        NO_ADDRESS,
        /** the mail server refused it for good */
        FAILED
    }

    @Id
    @Convert(UuidConverter.NAME)
    @Column(name = "notice_id")
    private UUID noticeId;

    @Id
    @Convert(UuidConverter.NAME)
    @Column(name = "recipient_id")
    private UUID recipientId;

    @Column(name = "visible_at", nullable = false)
    private OffsetDateTime visibleAt;

    @Column(name = "read_at")
    private OffsetDateTime readAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "email", nullable = false)
    private Email email;

    protected Delivery() {
    }

    public Delivery(UUID noticeId, UUID recipientId, OffsetDateTime visibleAt, Email email) {
        this.noticeId = noticeId;
        this.recipientId = recipientId;
        this.visibleAt = visibleAt;
        this.email = email;
    }

    /**
     * The start of a query of deliveries each with its notice ({@code {Delivery, StoredNotice}}) in one statement;
     * the caller adds its conditions on {@code d} and its order. A join, not a find per notice: each statement a page
     * sends is planned again when its connection last served another collectivity (ADR 0028).
     */
    public static final String WITH_NOTICES = "SELECT d, n FROM Delivery d, StoredNotice n WHERE n.id = d.noticeId";

    public UUID noticeId() {
        return noticeId;
    }

    public UUID recipientId() {
        return recipientId;
    }

    public OffsetDateTime visibleAt() {
        return visibleAt;
    }

    public OffsetDateTime readAt() {
        return readAt;
    }

    public Email email() {
        return email;
    }

    public void markRead(OffsetDateTime now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    public void emailed(Email outcome) {
        this.email = outcome;
    }

    /** The primary key: one delivery per recipient and notice. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private UUID noticeId;
        private UUID recipientId;

        public Key() {
        }

        public Key(UUID noticeId, UUID recipientId) {
            this.noticeId = noticeId;
            this.recipientId = recipientId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(noticeId, k.noticeId) && Objects.equals(recipientId, k.recipientId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(noticeId, recipientId);
        }
    }
}
