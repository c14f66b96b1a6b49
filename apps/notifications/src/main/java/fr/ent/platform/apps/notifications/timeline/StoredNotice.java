package fr.ent.platform.apps.notifications.timeline;

import fr.ent.platform.runtime.persistence.UuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;





import org.eclipse.persistence.annotations.Converter;

/** A notice as posted, stored once whatever the number of its recipients, in each language it was written in. */
@Entity
@Table(name = "notice")
@Converter(name = UuidConverter.NAME, converterClass = UuidConverter.class)
public class StoredNotice {

    @Id
    @Convert(UuidConverter.NAME)
    private UUID id;

    @Column(name = "type", nullable = false)
    private String type;

    @Column(name = "text_fr", nullable = false)
    private String textFr;

    @Column(name = "text_en")
    private String textEn;

    @Column(name = "text_es")
    private String textEs;

    @Column(name = "link")
    private String link;

    /** A moderator's replacement of the texts (see Timeline.mask): shown instead of them while it is set. */
    @Column(name = "masked_fr")
    private String maskedFr;

    @Column(name = "masked_en")
    private String maskedEn;

    @Column(name = "masked_es")
    private String maskedEs;

    @Convert(UuidConverter.NAME)
    @Column(name = "author_id")
    private UUID authorId;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected StoredNotice() {
    }

    public StoredNotice(UUID id, String type, java.util.Map<String, String> texts, String link, UUID authorId,
            OffsetDateTime createdAt) {
        this.id = id;
        this.type = type;
        this.textFr = texts.get("fr");
        this.textEn = texts.get("en");
        this.textEs = texts.get("es");
        this.link = link;
        this.authorId = authorId;
        this.createdAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public String type() {
        return type;
    }

    /** The text in {@code language} (fr, en, es), French when the poster did not write that one. */
    public String text(String language) {
        if (maskedFr != null) {
            String masked = switch (language) {
                case "en" -> maskedEn;
                case "es" -> maskedEs;
                default -> maskedFr;
            };
            return masked == null ? maskedFr : masked;
        }
        String text = switch (language) {
            case "en" -> textEn;
            case "es" -> textEs;
            default -> textFr;
        };
        return text == null ? textFr : text;
    }

    /** Shows {@code texts} instead of the notice's own texts (null: its own again). */
    void mask(java.util.Map<String, String> texts) {
        this.maskedFr = texts == null ? null : texts.get("fr");
        this.maskedEn = texts == null ? null : texts.get("en");
        this.maskedEs = texts == null ? null : texts.get("es");
    }

    public String link() {
        return link;
    }

    public java.util.Optional<UUID> authorId() {
        return java.util.Optional.ofNullable(authorId);
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
