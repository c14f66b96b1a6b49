package fr.ent.platform.apps.sharing.store;

import fr.ent.platform.runtime.persistence.UuidConverter;
import fr.ent.platform.runtime.sharing.Grantee;
import fr.ent.platform.runtime.sharing.Right;
import fr.ent.platform.runtime.sharing.Share;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;






/** One grantee's right on a registered resource ({@code right_level}: 1 read, 2 contrib, 3 manager). */
@Entity
@Table(name = "resource_share")
@IdClass(StoredShare.Key.class)
public class StoredShare {

    @Id
    @Column(name = "resource_id", nullable = false)
    @Convert(UuidConverter.NAME)
    private UUID resourceId;

    @Id
    @Column(name = "grantee_id", nullable = false)
    @Convert(UuidConverter.NAME)
    private UUID granteeId;

    @Column(name = "grantee_kind", nullable = false)
    private String granteeKind;

    @Column(name = "right_level", nullable = false)
    private short rightLevel;

    protected StoredShare() {
    }

    public StoredShare(UUID resourceId, Share share) {
        this.resourceId = Objects.requireNonNull(resourceId);
        this.granteeId = share.grantee().id();
        this.granteeKind = share.grantee().kind().name().toLowerCase(Locale.ROOT);
        setRight(share.right());
    }

    public UUID granteeId() {
        return granteeId;
    }

    public Share share() {
        return new Share(new Grantee(Grantee.Kind.valueOf(granteeKind.toUpperCase(Locale.ROOT)), granteeId),
                right(rightLevel));
    }

    public void setRight(Right right) {
        this.rightLevel = level(right);
    }

    /** The stored level of a right: its rank from 1, so that "at least R" is {@code right_level >= level(R)}. */
    public static short level(Right right) {
        return (short) (right.ordinal() + 1);
    }

    public static Right right(int level) {
        return Right.values()[level - 1];
    }

    /** Primary key of a {@code resource_share} row. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private UUID resourceId;
        private UUID granteeId;

        public Key() {
        }

        public Key(UUID resourceId, UUID granteeId) {
            this.resourceId = resourceId;
            this.granteeId = granteeId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Objects.equals(resourceId, k.resourceId)
                    && Objects.equals(granteeId, k.granteeId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(resourceId, granteeId);
        }
    }
}
