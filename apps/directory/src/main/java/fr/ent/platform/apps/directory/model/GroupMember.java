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






/** Membership of a user in a group. */
@Entity
@Table(name = "group_member")
@IdClass(GroupMember.Key.class)
public class GroupMember {

    @Id
    @Column(name = "group_id", nullable = false)
    @Convert(UuidConverter.NAME)
    private UUID groupId;

    @Id
    @Column(name = "user_id", nullable = false)
    @Convert(UuidConverter.NAME)
    private UUID userId;

    protected GroupMember() {
    }

    public GroupMember(UUID groupId, UUID userId) {
        this.groupId = Objects.requireNonNull(groupId);
        this.userId = Objects.requireNonNull(userId);
    }

    public UUID groupId() {
        return groupId;
    }

    public UUID userId() {
        return userId;
    }

    /** Primary key of a {@code group_member} row. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private UUID groupId;
        private UUID userId;

        public Key() {
        }

        public Key(UUID groupId, UUID userId) {
            this.groupId = groupId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Objects.equals(groupId, k.groupId) && Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(groupId, userId);
        }
    }
}
