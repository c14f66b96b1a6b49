package fr.ent.platform.apps.directory.model;

import fr.ent.platform.runtime.persistence.UuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;

/**
 * A school a person belongs to besides their main one ({@code ent_user.structure_id}): made by merging duplicates
 * (ADR 0025), so that the same teacher in two schools is one person attached to both. The school's profile groups
 * count them, and its administrators reach them.
 */
@Entity
@Table(name = "ent_user_attachment")
@IdClass(UserAttachment.Key.class)
public class UserAttachment {

    @Id
    @Column(name = "user_id", nullable = false)
    @Convert(UuidConverter.NAME)
    private UUID userId;

    @Id
    @Column(name = "structure_id", nullable = false)
    @Convert(UuidConverter.NAME)
    private UUID structureId;

    protected UserAttachment() {
    }

    public UserAttachment(UUID userId, UUID structureId) {
        this.userId = Objects.requireNonNull(userId);
        this.structureId = Objects.requireNonNull(structureId);
    }

    public UUID userId() {
        return userId;
    }

    public UUID structureId() {
        return structureId;
    }

    /** Primary key of an {@code ent_user_attachment} row. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private UUID userId;
        private UUID structureId;

        public Key() {
        }

        public Key(UUID userId, UUID structureId) {
            this.userId = userId;
            this.structureId = structureId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Objects.equals(userId, k.userId)
                    && Objects.equals(structureId, k.structureId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, structureId);
        }
    }
}
