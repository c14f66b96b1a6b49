package fr.ent.platform.apps.notifications.timeline;

import fr.ent.platform.runtime.persistence.UuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;





import java.util.Arrays;
import java.util.List;

/**
 * The recipients of a notice not delivered yet: written with the notice, deleted in the transaction that writes
 * its deliveries, so that a restart in between finds it and delivers it once.
 */
@Entity
@Table(name = "fan_out")
public class PendingFanOut {

    @Id
    @Convert(UuidConverter.NAME)
    @Column(name = "notice_id")
    private UUID noticeId;

    @Column(name = "users", nullable = false)
    private String users;

    @Column(name = "audiences", nullable = false)
    private String audiences;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected PendingFanOut() {
    }

    public PendingFanOut(UUID noticeId, List<String> users, List<String> audiences, OffsetDateTime createdAt) {
        this.noticeId = noticeId;
        this.users = String.join("\n", users);
        this.audiences = String.join("\n", audiences);
        this.createdAt = createdAt;
    }

    public UUID noticeId() {
        return noticeId;
    }

    public List<String> users() {
        return lines(users);
    }

    public List<String> audiences() {
        return lines(audiences);
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }
}
