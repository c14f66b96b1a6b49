package fr.ent.platform.apps.directory.model;

import fr.ent.platform.runtime.persistence.UuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;






/** A communication rule: members of the {@code from} group may write to the {@code to} group and its members. */
@Entity
@Table(name = "communication_link")
@IdClass(CommunicationLink.Key.class)
public class CommunicationLink {

    @Id
    @Column(name = "from_group_id", nullable = false)
    @Convert(UuidConverter.NAME)
    private UUID fromGroupId;

    @Id
    @Column(name = "to_group_id", nullable = false)
    @Convert(UuidConverter.NAME)
    private UUID toGroupId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected CommunicationLink() {
    }

    public CommunicationLink(UUID fromGroupId, UUID toGroupId) {
        this.fromGroupId = Objects.requireNonNull(fromGroupId);
        this.toGroupId = Objects.requireNonNull(toGroupId);
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public UUID fromGroupId() {
        return fromGroupId;
    }

    public UUID toGroupId() {
        return toGroupId;
    }

    /** Primary key of a {@code communication_link} row. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private UUID fromGroupId;
        private UUID toGroupId;

        public Key() {
        }

        public Key(UUID fromGroupId, UUID toGroupId) {
            this.fromGroupId = fromGroupId;
            this.toGroupId = toGroupId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Objects.equals(fromGroupId, k.fromGroupId)
                    && Objects.equals(toGroupId, k.toGroupId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(fromGroupId, toGroupId);
        }
    }
}
