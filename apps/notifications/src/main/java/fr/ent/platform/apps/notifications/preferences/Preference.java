package fr.ent.platform.apps.notifications.preferences;

import fr.ent.platform.runtime.persistence.UuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;





import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.util.Objects;

/** A user's choice for one type of notification: shown or not, e-mailed or not. */
@Entity
@Table(name = "preference")
@IdClass(Preference.Key.class)
public class Preference {

    @Id
    @Convert(UuidConverter.NAME)
    @Column(name = "user_id")
    private UUID userId;

    @Id
    @Column(name = "type")
    private String type;

    @Column(name = "shown", nullable = false)
    private boolean shown;

    @Column(name = "emailed", nullable = false)
    private boolean emailed;

    protected Preference() {
    }

    public Preference(UUID userId, String type, boolean shown, boolean emailed) {
        this.userId = userId;
        this.type = type;
        this.shown = shown;
        this.emailed = emailed;
    }

    public UUID userId() {
        return userId;
    }

    public String type() {
        return type;
    }

    public boolean shown() {
        return shown;
    }

    public boolean emailed() {
        return emailed;
    }

    public void choose(boolean newShown, boolean newEmailed) {
        this.shown = newShown;
        this.emailed = newEmailed;
    }

    /** The primary key: one choice per user and type. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private UUID userId;
        private String type;

        public Key() {
        }

        public Key(UUID userId, String type) {
            this.userId = userId;
            this.type = type;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(userId, k.userId) && Objects.equals(type, k.type);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, type);
        }
    }
}
