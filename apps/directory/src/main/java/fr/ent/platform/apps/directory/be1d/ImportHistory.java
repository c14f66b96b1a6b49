package fr.ent.platform.apps.directory.be1d;

import fr.ent.platform.apps.directory.DirectoryData;
import fr.ent.platform.apps.directory.Ids;
import fr.ent.platform.apps.directory.model.Be1dImport;
import fr.ent.platform.apps.directory.model.Be1dImport.State;
import fr.ent.platform.apps.directory.model.Structure;
import fr.ent.platform.apps.directory.service.Lookups;
import fr.ent.platform.problem.Conflict;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * BE1D imports in two steps, as the tenant console runs them (ADR 0023): a dry run plans the import against the
 * school's directory and keeps it (files, report, digest of the directory); its confirmation, later and without the
 * files, takes the directory again under a lock of the school, refuses if it is no longer what the dry run saw
 * ({@code import-stale}), else writes the plan, in one transaction. Every dry run and its outcome stay as the
 * school's import history. Who may do this to which school is the caller's check (ConsoleScope).
 */
@ApplicationScoped
public class ImportHistory {

    private static final Logger LOG = Logger.getLogger(ImportHistory.class.getName());
    /** The history shown for a school: its latest imports. */
    public static final int HISTORY = 50;

    @Inject
    DirectoryData data;

    @Inject
    TenantContext tenant;

    /** One import as the console shows it. */
    public record Entry(UUID id, UUID structureId, State state, String requestedBy, OffsetDateTime requestedAt,
            String appliedBy, OffsetDateTime appliedAt, ImportReport report, String failure) {

        static Entry of(Be1dImport i) {
            return new Entry(i.id(), i.structureId(), i.state(), i.requestedBy(), i.requestedAt(), i.appliedBy(),
                    i.appliedAt(), ImportReportJson.read(i.report()), i.failure());
        }
    }

    /** Plans the import of these files into the school, keeps the plan and returns it; writes nothing else. */
    public Entry dryRun(String structureId, Map<Be1dFile, byte[]> files, String who) {
        UUID id = Ids.orNotFound(structureId, "structure-not-found");
        data.read(em -> Lookups.structure(em, structureId));
        if (files.isEmpty()) {
            throw new InvalidInput("import-empty");
        }
        Be1dExport export = Be1dImporter.parse(files);
        Entry entry = data.write(em -> {
            Structure school = em.find(Structure.class, id);
            DirectorySnapshot snapshot = Be1dImporter.snapshot(em, school);
            ImportReport report = Be1dReconciliation.plan(snapshot, export).report(true);
            Be1dImport row = new Be1dImport(id, who, now(), snapshot.fingerprint(), files.get(Be1dFile.ELEVES),
                    files.get(Be1dFile.ENSEIGNANTS), files.get(Be1dFile.RESPONSABLES), ImportReportJson.write(report));
            em.persist(row);
            return Entry.of(row);
        });
        LOG.info(() -> "tenant=" + tenant.current().slug() + " BE1D dry run " + entry.id() + " of structure " + id
                + " by " + who);
        return entry;
    }

    /** One import of this collectivity (any school: the caller checks its scope against {@code structureId}). */
    public Entry get(String importId) {
        UUID id = Ids.orNotFound(importId, "import-not-found");
        return data.read(em -> {
            Be1dImport row = em.find(Be1dImport.class, id);
            if (row == null) {
                throw new NotFound("import-not-found", importId);
            }
            return Entry.of(row);
        });
    }

    /** The school's latest imports, newest first. */
    public List<Entry> history(String structureId) {
        UUID id = Ids.orNotFound(structureId, "structure-not-found");
        return data.read(em -> em.createQuery("""
                        SELECT i FROM Be1dImport i WHERE i.structureId = :s ORDER BY i.requestedAt DESC""",
                        Be1dImport.class)
                .setParameter("s", id).setMaxResults(HISTORY).getResultList().stream().map(Entry::of).toList());
    }

    /**
     * Applies a dry run: exactly its plan, or nothing. Claimed first (DRY_RUN → RUNNING, so that a second click or
     * another administrator cannot apply it twice, and the status page shows it running), then planned again
     * against the school's directory locked for the transaction: a different digest is {@code import-stale}.
     */
    public Entry confirm(String importId, String who) {
        UUID id = Ids.orNotFound(importId, "import-not-found");
        Be1dImport claimed = data.write(em -> {
            Be1dImport row = em.find(Be1dImport.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (row == null) {
                throw new NotFound("import-not-found", importId);
            }
            if (row.state() != State.DRY_RUN) {
                throw new Conflict("import-not-pending", row.state().name());
            }
            row.claim();
            return row;
        });
        Map<Be1dFile, byte[]> files = new EnumMap<>(Be1dFile.class);
        put(files, Be1dFile.ELEVES, claimed.eleves());
        put(files, Be1dFile.ENSEIGNANTS, claimed.enseignants());
        put(files, Be1dFile.RESPONSABLES, claimed.responsables());
        long started = System.nanoTime();
        try {
            Entry done = data.write(em -> {
                Structure school = em.find(Structure.class, claimed.structureId(), LockModeType.PESSIMISTIC_WRITE);
                if (school == null) {
                    throw new NotFound("structure-not-found", claimed.structureId());
                }
                DirectorySnapshot snapshot = Be1dImporter.snapshot(em, school);
                if (!snapshot.fingerprint().equals(claimed.fingerprint())) {
                    throw new Stale();
                }
                Be1dImportPlan plan = Be1dReconciliation.plan(snapshot, Be1dImporter.parse(files));
                Be1dImporter.write(em, school, plan);
                Be1dImport row = em.find(Be1dImport.class, id);
                row.applied(who, now(), ImportReportJson.write(plan.report(false)));
                return Entry.of(row);
            });
            long millis = (System.nanoTime() - started) / 1_000_000;
            LOG.info(() -> "tenant=" + tenant.current().slug() + " BE1D import " + id + " applied by " + who + " in "
                    + millis + " ms");
            return done;
        } catch (Stale e) {
            end(id, State.STALE, who, "directory changed since the dry run");
            throw new Conflict("import-stale");
        } catch (RuntimeException e) {
            end(id, State.FAILED, who, e.getClass().getSimpleName() + ": " + e.getMessage());
            throw e;
        }
    }

    private void end(UUID id, State state, String who, String why) {
        data.write(em -> {
            em.find(Be1dImport.class, id).ended(state, who, now(), why == null ? null
                    : why.substring(0, Math.min(why.length(), 2000)));
            return null;
        });
        LOG.warning(() -> "tenant=" + tenant.current().slug() + " BE1D import " + id + " not applied: " + state
                + " (" + why + ")");
    }

    private static void put(Map<Be1dFile, byte[]> files, Be1dFile file, byte[] bytes) {
        if (bytes != null) {
            files.put(file, bytes);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** The school's directory is not what the dry run saw. */
    private static final class Stale extends RuntimeException {
        Stale() {
            super(null, null, false, false);
        }
    }
}
