package fr.ent.platform.apps.flash;

import fr.ent.platform.runtime.persistence.UuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;
import org.eclipse.persistence.annotations.Converter;






/**
 * One flash message of the collectivity. Its target is kept as two comma-separated texts (profiles, school UAIs):
 * a collectivity has a handful of current messages, which are filtered in Java by {@link Target}, so no join table
 * is needed and the database still checks the shape of both.
 */
@Entity
@Table(name = "flash_message")
@Converter(name = UuidConverter.NAME, converterClass = UuidConverter.class)
public class FlashMessage {

    @Id
    @Convert(UuidConverter.NAME)
    private UUID id;

    @Column(name = "title", nullable = false)
    private String title;

    @Column(name = "text", nullable = false)
    private String text;

    @Column(name = "level", nullable = false)
    private String level;

    @Column(name = "profiles", nullable = false)
    private String profiles;

    @Column(name = "structures", nullable = false)
    private String structures;

    @Column(name = "starts_at", nullable = false)
    private OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    private OffsetDateTime endsAt;

    @Column(name = "author", nullable = false)
    private String author;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected FlashMessage() {
    }

    FlashMessage(FlashDraft draft, String author, OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.author = author;
        this.createdAt = now;
        apply(draft, now);
    }

    void apply(FlashDraft draft, OffsetDateTime now) {
        this.title = draft.title();
        this.text = draft.text();
        this.level = draft.level().name().toLowerCase(java.util.Locale.ROOT);
        this.profiles = Target.join(draft.target().profiles());
        this.structures = Target.join(draft.target().structures());
        this.startsAt = draft.startsAt();
        this.endsAt = draft.endsAt();
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String text() {
        return text;
    }

    public Level level() {
        return Level.parse(level).orElseThrow();
    }

    public Target target() {
        return new Target(Target.split(profiles), Target.split(structures));
    }

    public OffsetDateTime startsAt() {
        return startsAt;
    }

    public OffsetDateTime endsAt() {
        return endsAt;
    }

    public String author() {
        return author;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
