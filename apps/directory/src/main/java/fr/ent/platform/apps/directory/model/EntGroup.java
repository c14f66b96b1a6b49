package fr.ent.platform.apps.directory.model;

import fr.ent.platform.runtime.persistence.UuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;






/** A group of users, attached to a school and possibly to one of its classes. */
@Entity
@Table(name = "ent_group")
public class EntGroup {

    @Id
    @Convert(UuidConverter.NAME)
    private UUID id;

    @Column(name = "structure_id")
    @Convert(UuidConverter.NAME)
    private UUID structureId;

    @Column(name = "class_id")
    @Convert(UuidConverter.NAME)
    private UUID classId;

    @Column(name = "name", nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false)
    private GroupType type;

    @Column(name = "profile")
    private String profile;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected EntGroup() {
    }

    public EntGroup(UUID structureId, UUID classId, String name, GroupType type, String profile) {
        this(UUID.randomUUID(), structureId, classId, name, type, profile);
    }

    public EntGroup(UUID id, UUID structureId, UUID classId, String name, GroupType type, String profile) {
        this.id = id;
        this.structureId = structureId;
        this.classId = classId;
        this.name = name;
        this.type = type;
        this.profile = profile;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public UUID id() {
        return id;
    }

    public UUID structureId() {
        return structureId;
    }

    public UUID classId() {
        return classId;
    }

    public String name() {
        return name;
    }

    public GroupType type() {
        return type;
    }

    public String profile() {
        return profile;
    }
}
