package fr.ent.platform.apps.messagerie.model;

import fr.ent.platform.runtime.persistence.UuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;






/** One of a person's own folders, maybe inside another of theirs. (UUID converter: declared on {@link Message}.) */
@Entity
@Table(name = "folder")
public class Folder {

    @Id
    @Convert(UuidConverter.NAME)
    private UUID id;

    @Convert(UuidConverter.NAME)
    @Column(name = "owner_id", nullable = false, updatable = false)
    private UUID ownerId;

    @Convert(UuidConverter.NAME)
    @Column(name = "parent_id")
    private UUID parentId;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected Folder() {
    }

    public Folder(UUID ownerId, UUID parentId, String name, OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.ownerId = ownerId;
        this.parentId = parentId;
        this.name = name;
        this.createdAt = now;
    }

    public void rename(String name) {
        this.name = name;
    }

    public UUID id() {
        return id;
    }

    public UUID ownerId() {
        return ownerId;
    }

    public UUID parentId() {
        return parentId;
    }

    public String name() {
        return name;
    }
}
