package fr.ent.platform.apps.directory.model;

import fr.ent.platform.runtime.persistence.UuidConverter;
import fr.ent.platform.apps.directory.StructureType;
import fr.ent.platform.apps.directory.Uai;
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
import org.eclipse.persistence.annotations.Converter;






/** A school (établissement) of the collectivity, identified nationally by its UAI. */
@Entity
@Table(name = "structure")
@Converter(name = UuidConverter.NAME, converterClass = UuidConverter.class)
public class Structure {

    @Id
    @Convert(UuidConverter.NAME)
    private UUID id;

    @Column(name = "uai", nullable = false, length = 8)
    private String uai;

    @Column(name = "name", nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false)
    private StructureType type;

    @Column(name = "education_level", nullable = false)
    private String educationLevel;

    @Column(name = "parent_id")
    @Convert(UuidConverter.NAME)
    private UUID parentId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected Structure() {
    }

    public Structure(Uai uai, String name, StructureType type, UUID parentId) {
        this.id = UUID.randomUUID();
        this.uai = uai.value();
        this.name = name;
        this.type = type;
        this.educationLevel = type.educationLevel();
        this.parentId = parentId;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public UUID id() {
        return id;
    }

    public String uai() {
        return uai;
    }

    public String name() {
        return name;
    }

    public StructureType type() {
        return type;
    }

    public String educationLevel() {
        return educationLevel;
    }

    public UUID parentId() {
        return parentId;
    }

    /** A school's name, type or UAI corrected by an administrator (the console); its id never changes. */
    public void change(Uai uai, String name, StructureType type) {
        this.uai = uai.value();
        this.name = name;
        this.type = type;
        this.educationLevel = type.educationLevel();
    }
}
