package fr.ent.platform.apps.actualites.store;

import fr.ent.platform.runtime.persistence.UuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;






/** A news item of a thread; its content is sanitized rich text. */
@Entity
@Table(name = "news_item")
public class NewsItem {

    /** The state of a new item (the app's ItemState.DRAFT). */
    public static final String DRAFT = "draft";

    @Id
    @Convert(UuidConverter.NAME)
    private UUID id;

    @Column(name = "thread_id", nullable = false, updatable = false)
    @Convert(UuidConverter.NAME)
    private UUID threadId;

    @Column(name = "title", nullable = false)
    private String title;

    @Column(name = "content", nullable = false)
    private String content;

    @Column(name = "state", nullable = false)
    private String state;

    @Column(name = "publish_at")
    private OffsetDateTime publishAt;

    @Column(name = "expire_at")
    private OffsetDateTime expireAt;

    @Column(name = "author_id", nullable = false, updatable = false)
    @Convert(UuidConverter.NAME)
    private UUID authorId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    /** Hidden by moderation: readers get a placeholder, the original stays here as evidence (docs/moderation.md). */
    @Column(name = "neutralized", nullable = false)
    private boolean neutralized;

    protected NewsItem() {
    }

    public NewsItem(UUID threadId, String title, String content, UUID author, OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.threadId = threadId;
        this.title = title;
        this.content = content;
        this.state = DRAFT;
        this.authorId = author;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void rewrite(String title, String content, OffsetDateTime now) {
        this.title = title;
        this.content = content;
        this.updatedAt = now;
    }

    /** {@code next}: a stored state's code (draft, submitted, published). */
    public void moveTo(String next, OffsetDateTime publishAt, OffsetDateTime expireAt, OffsetDateTime now) {
        this.state = next;
        this.publishAt = publishAt;
        this.expireAt = expireAt;
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID threadId() {
        return threadId;
    }

    public String title() {
        return title;
    }

    public String content() {
        return content;
    }

    /** The stored state's code (draft, submitted, published); the app's ItemState reads it. */
    public String stateCode() {
        return state;
    }

    public OffsetDateTime publishAt() {
        return publishAt;
    }

    public OffsetDateTime expireAt() {
        return expireAt;
    }

    public UUID authorId() {
        return authorId;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public boolean neutralized() {
        return neutralized;
    }

    /** Moderation's decision (the moderation app's ContentSource applies it). */
    public void neutralize(boolean hidden) {
        this.neutralized = hidden;
    }
}
