package fr.ent.platform.apps.directory.model;

import fr.ent.platform.runtime.persistence.UuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;

/**
 * A BE1D import of a school as the console keeps it (V5): a dry run waiting for confirmation, with the files it
 * read and the digest of the school's directory it was planned against, then applied, failed or stale. The report
 * is the JSON of {@code ImportReport}.
 */
@Entity
@Table(name = "be1d_import")
public class Be1dImport {

    public enum State {
        DRY_RUN, RUNNING, APPLIED, FAILED, STALE
    }

    @Id
    @Convert(UuidConverter.NAME)
    private UUID id;

    @Convert(UuidConverter.NAME)
    @Column(name = "structure_id", nullable = false, updatable = false)
    private UUID structureId;

    @Column(name = "state", nullable = false)
    private String state;

    @Column(name = "requested_by", nullable = false, updatable = false)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private OffsetDateTime requestedAt;

    @Column(name = "applied_by")
    private String appliedBy;

    @Column(name = "applied_at")
    private OffsetDateTime appliedAt;

    @Column(name = "fingerprint", nullable = false)
    private String fingerprint;

    @Column(name = "eleves")
    private byte[] eleves;

    @Column(name = "enseignants")
    private byte[] enseignants;

    @Column(name = "responsables")
    private byte[] responsables;

    @Column(name = "report", nullable = false)
    private String report;

    @Column(name = "failure")
    private String failure;

    protected Be1dImport() {
    }

    public Be1dImport(UUID structureId, String requestedBy, OffsetDateTime now, String fingerprint, byte[] eleves,
            byte[] enseignants, byte[] responsables, String report) {
        this.id = UUID.randomUUID();
        this.structureId = structureId;
        this.state = State.DRY_RUN.name();
        this.requestedBy = requestedBy;
        this.requestedAt = now;
        this.fingerprint = fingerprint;
        this.eleves = eleves;
        this.enseignants = enseignants;
        this.responsables = responsables;
        this.report = report;
    }

    public UUID id() {
        return id;
    }

    public UUID structureId() {
        return structureId;
    }

    public State state() {
        return State.valueOf(state);
    }

    public String requestedBy() {
        return requestedBy;
    }

    public OffsetDateTime requestedAt() {
        return requestedAt;
    }

    public String appliedBy() {
        return appliedBy;
    }

    public OffsetDateTime appliedAt() {
        return appliedAt;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public byte[] eleves() {
        return eleves;
    }

    public byte[] enseignants() {
        return enseignants;
    }

    public byte[] responsables() {
        return responsables;
    }

    public String report() {
        return report;
    }

    public String failure() {
        return failure;
    }

    /** Being applied (the confirmation claimed it): nobody can confirm it a second time. */
    public void claim() {
        this.state = State.RUNNING.name();
    }

    /** Applied: the report of what was written, who confirmed and when; the files are no longer needed. */
    public void applied(String by, OffsetDateTime at, String appliedReport) {
        this.state = State.APPLIED.name();
        this.appliedBy = by;
        this.appliedAt = at;
        this.report = appliedReport;
        dropFiles();
    }

    /** Not applied (failed, or stale: the directory changed since the dry run); nothing was written. */
    public void ended(State end, String by, OffsetDateTime at, String why) {
        this.state = end.name();
        this.appliedBy = by;
        this.appliedAt = at;
        this.failure = why;
        dropFiles();
    }

    private void dropFiles() {
        // Pupils' names and birth dates are kept no longer than the plan needs them; the report stays.
        this.eleves = null;
        this.enseignants = null;
        this.responsables = null;
    }
}
