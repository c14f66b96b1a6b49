package fr.ent.platform.apps.actualites.store;

import fr.ent.platform.runtime.persistence.UuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;





import org.eclipse.persistence.annotations.Converter;

/** A news thread: a school's, or the collectivity's (no UAI). Its readers, writers and publishers are shares. */
@Entity
@Table(name = "news_thread")
@Converter(name = UuidConverter.NAME, converterClass = UuidConverter.class)
public class NewsThread {

    @Id
    @Convert(UuidConverter.NAME)
    private UUID id;

    @Column(name = "title", nullable = false)
    private String title;

    @Column(name = "structure_uai")
    private String structureUai;

    @Column(name = "owner_id", nullable = false, updatable = false)
    @Convert(UuidConverter.NAME)
    private UUID ownerId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected NewsThread() {
    }

    public NewsThread(String title, String structureUai, UUID owner, OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.title = title;
        this.structureUai = structureUai;
        this.ownerId = owner;
        this.createdAt = now;
    }

    public UUID id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String structureUai() {
        return structureUai;
    }

    public UUID ownerId() {
        return ownerId;
    }
}
