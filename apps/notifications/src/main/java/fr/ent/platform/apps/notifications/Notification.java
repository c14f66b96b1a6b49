package fr.ent.platform.apps.notifications;

import fr.ent.platform.runtime.persistence.UuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;
import org.eclipse.persistence.annotations.Converter;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;
import org.eclipse.persistence.config.PersistenceUnitProperties;

/** One notification of one recipient (a directory user of the collectivity). */
@Entity
@Table(name = "notification")
@Converter(name = UuidConverter.NAME, converterClass = UuidConverter.class)
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA,
        contextProperty = PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT)
public class Notification {

    @Id
    @Convert(UuidConverter.NAME)
    private UUID id;

    @Convert(UuidConverter.NAME)
    @Column(name = "recipient_id", nullable = false)
    private UUID recipientId;

    @Column(name = "type", nullable = false)
    private String type;

    @Column(name = "text", nullable = false)
    private String text;

    @Column(name = "link")
    private String link;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "read_at")
    private OffsetDateTime readAt;

    protected Notification() {
    }

    Notification(UUID recipientId, String type, String text, String link, OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.recipientId = recipientId;
        this.type = type;
        this.text = text;
        this.link = link;
        this.createdAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID recipientId() {
        return recipientId;
    }

    public String type() {
        return type;
    }

    public String text() {
        return text;
    }

    public String link() {
        return link;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime readAt() {
        return readAt;
    }

    void markRead(OffsetDateTime now) {
        if (readAt == null) {
            readAt = now;
        }
    }
}
