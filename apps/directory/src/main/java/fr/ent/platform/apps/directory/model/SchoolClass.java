package fr.ent.platform.apps.directory.model;

import fr.ent.platform.runtime.persistence.UuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;






/** A class of a school ("CE1", "CM2 B"...); its name is unique within the school. */
@Entity
@Table(name = "school_class")
public class SchoolClass {

    @Id
    @Convert(UuidConverter.NAME)
    private UUID id;

    @Column(name = "structure_id", nullable = false)
    @Convert(UuidConverter.NAME)
    private UUID structureId;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "level")
    private String level;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected SchoolClass() {
    }

    public SchoolClass(UUID structureId, String name, String level) {
        this(UUID.randomUUID(), structureId, name, level);
    }

    /** A class whose id was chosen beforehand (an import plans ids before writing). */
    public SchoolClass(UUID id, UUID structureId, String name, String level) {
        this.id = id;
        this.structureId = structureId;
        this.name = name;
        this.level = level;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public UUID id() {
        return id;
    }

    public UUID structureId() {
        return structureId;
    }

    public String name() {
        return name;
    }

    public String level() {
        return level;
    }

    /** A class renamed by an administrator; its members and groups stay. */
    public void rename(String name) {
        this.name = name;
    }
}
