package fr.ent.platform.apps.flash;

import fr.ent.platform.runtime.persistence.UuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;






/** A reader hid a flash message from their own home page; others still see it. (The UUID converter is declared
 * once per unit, on {@link FlashMessage}.) */
@Entity
@Table(name = "flash_dismissal")
public class FlashDismissal {

    @Id
    @Convert(UuidConverter.NAME)
    private UUID id;

    @Convert(UuidConverter.NAME)
    @Column(name = "message_id", nullable = false)
    private UUID messageId;

    @Column(name = "user_subject", nullable = false)
    private String userSubject;

    @Column(name = "dismissed_at", nullable = false)
    private OffsetDateTime dismissedAt;

    protected FlashDismissal() {
    }

    FlashDismissal(UUID messageId, String userSubject, OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.messageId = messageId;
        this.userSubject = userSubject;
        this.dismissedAt = now;
    }

    public UUID messageId() {
        return messageId;
    }
}
