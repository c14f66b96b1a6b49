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






/** Parent–child link between a Relative and a Student. */
@Entity
@Table(name = "relative_link")
@IdClass(RelativeLink.Key.class)
public class RelativeLink {

    @Id
    @Column(name = "relative_id", nullable = false)
    @Convert(UuidConverter.NAME)
    private UUID relativeId;

    @Id
    @Column(name = "student_id", nullable = false)
    @Convert(UuidConverter.NAME)
    private UUID studentId;

    protected RelativeLink() {
    }

    public RelativeLink(UUID relativeId, UUID studentId) {
        this.relativeId = Objects.requireNonNull(relativeId);
        this.studentId = Objects.requireNonNull(studentId);
    }

    public UUID relativeId() {
        return relativeId;
    }

    public UUID studentId() {
        return studentId;
    }

    /** Primary key of a {@code relative_link} row. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private UUID relativeId;
        private UUID studentId;

        public Key() {
        }

        public Key(UUID relativeId, UUID studentId) {
            this.relativeId = relativeId;
            this.studentId = studentId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Objects.equals(relativeId, k.relativeId) && Objects.equals(studentId, k.studentId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(relativeId, studentId);
        }
    }
}
