package fr.ent.platform.apps.notifications.quiet;

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

/** A quiet range as stored, owned by a user or a school. */
@Entity
@Table(name = "quiet_range")
public class StoredQuietRange {

    /** Who set the range. */
    public enum Owner {
        USER, STRUCTURE
    }

    @Id
    @Convert(UuidConverter.NAME)
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(name = "owner_kind", nullable = false)
    private Owner ownerKind;

    @Convert(UuidConverter.NAME)
    @Column(name = "owner_id", nullable = false)
    private UUID ownerId;

    @Column(name = "days", nullable = false)
    private int days;

    @Column(name = "starts_minute", nullable = false)
    private int startsMinute;

    @Column(name = "ends_minute", nullable = false)
    private int endsMinute;

    protected StoredQuietRange() {
    }

    public StoredQuietRange(Owner ownerKind, UUID ownerId, QuietRange range) {
        this.id = UUID.randomUUID();
        this.ownerKind = ownerKind;
        this.ownerId = ownerId;
        this.days = range.dayBits();
        this.startsMinute = range.startsMinute();
        this.endsMinute = range.endsMinute();
    }

    public Owner ownerKind() {
        return ownerKind;
    }

    public UUID ownerId() {
        return ownerId;
    }

    public QuietRange range() {
        return new QuietRange(QuietRange.days(days), startsMinute, endsMinute);
    }
}
