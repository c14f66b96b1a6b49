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






/** A school's communication choices; its presence says the school's default rules were applied once. */
@Entity
@Table(name = "communication_setting")
public class CommunicationSetting {

    @Id
    @Column(name = "structure_id", nullable = false)
    @Convert(UuidConverter.NAME)
    private UUID structureId;

    @Column(name = "pupils_talk", nullable = false)
    private boolean pupilsTalk;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected CommunicationSetting() {
    }

    public CommunicationSetting(UUID structureId, boolean pupilsTalk) {
        this.structureId = structureId;
        this.pupilsTalk = pupilsTalk;
        this.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public UUID structureId() {
        return structureId;
    }

    public boolean pupilsTalk() {
        return pupilsTalk;
    }

    public void pupilsTalk(boolean allowed) {
        this.pupilsTalk = allowed;
        this.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }
}
