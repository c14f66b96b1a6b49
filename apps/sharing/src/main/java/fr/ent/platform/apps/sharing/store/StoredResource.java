package fr.ent.platform.apps.sharing.store;

import fr.ent.platform.runtime.persistence.UuidConverter;
import fr.ent.platform.runtime.sharing.ResourceRef;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;
import org.eclipse.persistence.annotations.Converter;






/** A resource an app registered for sharing: its reference in the app, its owner and its title. */
@Entity
@Table(name = "shared_resource")
@Converter(name = UuidConverter.NAME, converterClass = UuidConverter.class)
public class StoredResource {

    /** The most a title keeps (the column's check). */
    public static final int TITLE_MAX = 200;

    @Id
    @Convert(UuidConverter.NAME)
    private UUID id;

    @Column(name = "app", nullable = false, updatable = false)
    private String app;

    @Column(name = "type", nullable = false, updatable = false)
    private String type;

    @Column(name = "resource_id", nullable = false, updatable = false)
    private String resourceId;

    @Column(name = "owner_id", nullable = false, updatable = false)
    @Convert(UuidConverter.NAME)
    private UUID ownerId;

    @Column(name = "title", nullable = false)
    private String title;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected StoredResource() {
    }

    public StoredResource(ResourceRef ref, UUID owner, String title, OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.app = ref.app();
        this.type = ref.type();
        this.resourceId = ref.id();
        this.ownerId = owner;
        this.title = title;
        this.createdAt = now;
    }

    public UUID id() {
        return id;
    }

    public ResourceRef ref() {
        return new ResourceRef(app, type, resourceId);
    }

    public UUID ownerId() {
        return ownerId;
    }

    public String title() {
        return title;
    }

    public void retitle(String title) {
        this.title = title;
    }

    /** A title as the column keeps it: trimmed, at most {@link #TITLE_MAX} characters, never blank. */
    public static String fitted(String title) {
        String t = title == null ? "" : title.strip();
        if (t.isEmpty()) {
            return "—";
        }
        return t.length() <= TITLE_MAX ? t : t.substring(0, TITLE_MAX);
    }
}
