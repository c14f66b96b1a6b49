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






/** Membership of a user (pupil or teacher) in a class. */
@Entity
@Table(name = "class_member")
@IdClass(ClassMember.Key.class)
public class ClassMember {

    @Id
    @Column(name = "class_id", nullable = false)
    @Convert(UuidConverter.NAME)
    private UUID classId;

    @Id
    @Column(name = "user_id", nullable = false)
    @Convert(UuidConverter.NAME)
    private UUID userId;

    protected ClassMember() {
    }

    public ClassMember(UUID classId, UUID userId) {
        this.classId = Objects.requireNonNull(classId);
        this.userId = Objects.requireNonNull(userId);
    }

    public UUID classId() {
        return classId;
    }

    public UUID userId() {
        return userId;
    }

    /** Primary key of a {@code class_member} row. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private UUID classId;
        private UUID userId;

        public Key() {
        }

        public Key(UUID classId, UUID userId) {
            this.classId = classId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Objects.equals(classId, k.classId) && Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(classId, userId);
        }
    }
}
