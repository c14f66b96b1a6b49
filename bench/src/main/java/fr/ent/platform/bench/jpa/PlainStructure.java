package fr.ent.platform.bench.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;
import org.eclipse.persistence.annotations.Converter;

/** Variants (b) and (c): the same table, unqualified, found through the session's search_path. */
@Entity
@Table(name = "structure")
@Converter(name = UuidConverter.NAME, converterClass = UuidConverter.class)
public class PlainStructure {

    @Id
    @Convert(UuidConverter.NAME)
    private UUID id;

    @Column(name = "uai", nullable = false, length = 8)
    private String uai;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "type", nullable = false)
    private String type;

    @Column(name = "education_level", nullable = false)
    private String educationLevel;

    @Column(name = "parent_id")
    @Convert(UuidConverter.NAME)
    private UUID parentId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected PlainStructure() {
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }
}
