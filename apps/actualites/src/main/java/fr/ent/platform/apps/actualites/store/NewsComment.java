package fr.ent.platform.apps.actualites.store;

import fr.ent.platform.runtime.persistence.UuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;






/** A reader's comment on a published item (plain text). */
@Entity
@Table(name = "news_comment")
public class NewsComment {

    @Id
    @Convert(UuidConverter.NAME)
    private UUID id;

    @Column(name = "item_id", nullable = false, updatable = false)
    @Convert(UuidConverter.NAME)
    private UUID itemId;

    @Column(name = "author_id", nullable = false, updatable = false)
    @Convert(UuidConverter.NAME)
    private UUID authorId;

    @Column(name = "author_name", nullable = false, updatable = false)
    private String authorName;

    @Column(name = "text", nullable = false)
    private String text;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    /** Hidden by moderation: readers get a placeholder, the original stays here as evidence (docs/moderation.md). */
    @Column(name = "neutralized", nullable = false)
    private boolean neutralized;

    protected NewsComment() {
    }

    public NewsComment(UUID itemId, UUID author, String authorName, String text, OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.itemId = itemId;
        this.authorId = author;
        this.authorName = authorName;
        this.text = text;
        this.createdAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID itemId() {
        return itemId;
    }

    public UUID authorId() {
        return authorId;
    }

    public String authorName() {
        return authorName;
    }

    public String text() {
        return text;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public boolean neutralized() {
        return neutralized;
    }

    /** Moderation's decision (the moderation app's ContentSource applies it). */
    public void neutralize(boolean hidden) {
        this.neutralized = hidden;
    }
}
