package fr.ent.platform.apps.privacy.export;

import fr.ent.platform.apps.directory.service.StructureService;
import fr.ent.platform.apps.directory.service.UserService;
import fr.ent.platform.apps.privacy.PrivacyApp;
import fr.ent.platform.apps.privacy.PrivacySettings;
import fr.ent.platform.problem.Conflict;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.audit.AuditTrail;
import fr.ent.platform.runtime.data.DataContract;
import fr.ent.platform.runtime.data.Person;
import fr.ent.platform.runtime.persistence.TenantData;
import fr.ent.platform.runtime.storage.CollectivityFiles;
import fr.ent.platform.runtime.storage.FileStorage;
import fr.ent.platform.runtime.storage.ObjectKey;
import fr.ent.platform.runtime.storage.StoredFile;
import fr.ent.platform.runtime.tenant.Tenant;
import fr.ent.platform.runtime.tenant.TenantContext;
import fr.ent.platform.runtime.tenant.TenantJobs;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A person's downloads of their data (issue 18, ADR 0030). A request is a row ({@code personal_export}) and a job
 * on the platform's executor: each app's {@link DataContract} writes its part into a ZIP on local disk (one step per
 * app, the row's progress updated after each), then the archive goes to the collectivity's files, kept
 * {@link PrivacySettings#keptFor()}. Everything is checked against the account's subject: another person's request,
 * or a guessed id, is {@code personal-export-not-found}, as an unknown one. Each request, outcome and download is
 * recorded in the collectivity's audit trail.
 *
 * <p>A restart mid-job leaves the row RUNNING without anyone at work: the sweep (and any read) reports it failed
 * once it has not moved for {@link #STALLED_AFTER}, and the person asks again. A job writes nothing but its own
 * temporary file until the archive is stored, so an interrupted one leaves nothing half-made behind.
 */
@ApplicationScoped
public class Exports {

    private static final Logger LOG = Logger.getLogger(Exports.class.getName());
    static final java.time.Duration STALLED_AFTER = java.time.Duration.ofMinutes(10);
    private static final String COLUMNS = "id, state, steps_done, steps_total, current_step, size, failure,"
            + " requested_at, finished_at, expires_at";

    @PersistenceUnit(unitName = PrivacyApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Inject
    TenantContext context;

    @Inject
    TenantJobs jobs;

    @Inject
    Instance<DataContract> contracts;

    @Inject
    Instance<AuditTrail> trail;

    @Inject
    FileStorage storage;

    @Inject
    PrivacySettings settings;

    @Inject
    Clock clock;

    @Resource
    ManagedExecutorService executor;

    @Inject
    UserService users;

    @Inject
    StructureService structures;

    /** The person's requests, the latest first (at most 20). */
    public List<ExportJob> mine(Person person) {
        expireDue();
        return data.read(unit, em -> rows(em, "subject = ?1 ORDER BY requested_at DESC LIMIT 20", person.subject()));
    }

    /** One of the person's requests; anyone else's, or an unknown id, is not found. */
    public ExportJob find(Person person, UUID id) {
        expireDue();
        return data.read(unit, em -> rows(em, "id = ?1 AND subject = ?2", id, person.subject())).stream().findFirst()
                .orElseThrow(() -> new NotFound("personal-export-not-found", id.toString()));
    }

    /**
     * Asks for the person's archive: a new job, or the one already at work for them (a second click, or a second
     * tab, starts nothing more). {@code from}: the client's address, for the audit trail.
     */
    public ExportJob request(Person person, String from) {
        expireDue();
        Optional<ExportJob> working = data.read(unit, em -> rows(em,
                "subject = ?1 AND state IN ('QUEUED', 'RUNNING')", person.subject())).stream().findFirst();
        if (working.isPresent()) {
            return working.get();
        }
        UUID id = UUID.randomUUID();
        OffsetDateTime now = now();
        int steps = exporting().size() + 1;
        try {
            data.write(unit, em -> {
                TenantData.nativeSqlInSchema(em);
                return em.createNativeQuery("INSERT INTO personal_export (id, subject, user_id, username, state,"
                                + " steps_total, requested_at, updated_at) VALUES (?1, ?2, ?3, ?4, 'QUEUED', ?5, ?6, ?6)")
                        .setParameter(1, id).setParameter(2, person.subject())
                        .setParameter(3, person.directoryId().orElse(null)).setParameter(4, person.username())
                        .setParameter(5, steps).setParameter(6, now).executeUpdate();
            });
        } catch (RuntimeException raced) {
            // the one-at-a-time index: another request of the same person won; give theirs
            return data.read(unit, em -> rows(em, "subject = ?1 AND state IN ('QUEUED', 'RUNNING')",
                    person.subject())).stream().findFirst().orElseThrow(() -> raced);
        }
        audit(person, "PERSONAL_EXPORT_REQUESTED", id, true, "depuis " + from);
        Tenant tenant = context.current();
        executor.execute(() -> {
            try {
                jobs.as(tenant, () -> {
                    run(id, person);
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "personal export " + id + " of " + tenant.slug() + " did not run", e);
            }
        });
        return find(person, id);
    }

    /** A ready archive of the person's, opened for download (the caller closes it); recorded in the trail. */
    public Download download(Person person, UUID id, String from) {
        ExportJob job = find(person, id);
        if (job.state() == ExportJob.State.EXPIRED) {
            throw new Conflict("personal-export-expired", id.toString());
        }
        if (job.state() != ExportJob.State.READY) {
            throw new Conflict("personal-export-not-ready", id.toString());
        }
        String key = data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            return (String) em.createNativeQuery("SELECT object_key FROM personal_export WHERE id = ?1 AND subject = ?2")
                    .setParameter(1, id).setParameter(2, person.subject()).getSingleResult();
        });
        StoredFile file = storage.current().get(ObjectKey.parse(key));
        audit(person, "PERSONAL_EXPORT_DOWNLOADED", id, true, "depuis " + from);
        return new Download(Archive.fileName(context.current().slug(), job.requestedAt()), file);
    }

    /** An archive being sent: its file name and its content. */
    public record Download(String name, StoredFile file) {
    }

    /** The contracts whose person export is built, in the order of their app ids. */
    List<DataContract> exporting() {
        return contracts.stream().filter(c -> c.personExport().isDone())
                .sorted(Comparator.comparing(DataContract::app)).toList();
    }

    /** Every contract of the runtime, in the order of their app ids (the manifest names what is not exported). */
    List<DataContract> all() {
        return contracts.stream().sorted(Comparator.comparing(DataContract::app)).toList();
    }

    /** The job itself, inside the collectivity ({@code TenantJobs.as}). */
    void run(UUID id, Person person) {
        step(id, "RUNNING", 0, null);
        Path zip = null;
        try {
            zip = Files.createTempFile("personal-export-", ".zip");
            Tenant tenant = context.current();
            new Archive(tenant, person, all(), clock.instant()).write(zip,
                    (done, app) -> step(id, "RUNNING", done, app));
            step(id, "RUNNING", exporting().size(), "archive");
            CollectivityFiles files = storage.current();
            ObjectKey key = files.key(PrivacyApp.ID + "/" + id + "/" + UUID.randomUUID() + ".zip");
            long size = storage.uploads().store().putFile(key, "application/zip", zip).size();
            OffsetDateTime now = now();
            int ready = data.write(unit, em -> {
                TenantData.nativeSqlInSchema(em);
                return em.createNativeQuery("UPDATE personal_export SET state = 'READY', steps_done = steps_total,"
                                + " current_step = NULL, object_key = ?2, size = ?3, finished_at = ?4, updated_at = ?4,"
                                + " expires_at = ?5 WHERE id = ?1 AND state IN ('QUEUED', 'RUNNING')")
                        .setParameter(1, id).setParameter(2, key.value()).setParameter(3, size).setParameter(4, now)
                        .setParameter(5, now.plus(settings.keptFor())).executeUpdate();
            });
            if (ready == 0) {
                // reported failed meanwhile (too long without progress): the person was told so; no orphan file
                files.delete(key);
                return;
            }
            audit(person, "PERSONAL_EXPORT_READY", id, true, size + " octets");
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "personal export " + id + " failed", e);
            fail(id, e.getClass().getSimpleName() + ": " + e.getMessage());
            audit(person, "PERSONAL_EXPORT_FAILED", id, false, e.getClass().getSimpleName());
        } finally {
            if (zip != null) {
                try {
                    Files.deleteIfExists(zip);
                } catch (IOException e) {
                    LOG.log(Level.FINE, "temporary archive left: " + zip, e);
                }
            }
        }
    }

    /**
     * Deletes the archives past their time (their rows become EXPIRED) and reports failed the jobs a restart
     * interrupted; for the current collectivity. Cheap when there is nothing to do (one indexed query).
     */
    public int expireDue() {
        OffsetDateTime now = now();
        OffsetDateTime stalledBefore = now.minus(STALLED_AFTER);
        // one read-only look first: a page's read writes nothing when nothing is due (the usual case)
        List<Object[]> due = data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT id, object_key FROM personal_export"
                            + " WHERE (state = 'READY' AND expires_at <= ?1)"
                            + " OR (state IN ('QUEUED', 'RUNNING') AND updated_at < ?2)")
                    .setParameter(1, now).setParameter(2, stalledBefore).getResultList();
            return rows;
        });
        for (Object[] row : due) {
            if (row[1] == null) {
                // a job a restart interrupted: nobody is at work on it any more
                data.write(unit, em -> {
                    TenantData.nativeSqlInSchema(em);
                    return em.createNativeQuery("UPDATE personal_export SET state = 'FAILED', current_step = NULL,"
                                    + " failure = 'interrompu (redémarrage du serveur)', finished_at = ?2,"
                                    + " updated_at = ?2 WHERE id = ?1 AND state IN ('QUEUED', 'RUNNING')"
                                    + " AND updated_at < ?3")
                            .setParameter(1, row[0]).setParameter(2, now).setParameter(3, stalledBefore)
                            .executeUpdate();
                });
                continue;
            }
            storage.current().delete(ObjectKey.parse((String) row[1])); // first the file: a row left READY is retried
            data.write(unit, em -> {
                TenantData.nativeSqlInSchema(em);
                return em.createNativeQuery("UPDATE personal_export SET state = 'EXPIRED', object_key = NULL,"
                        + " updated_at = ?2 WHERE id = ?1 AND state = 'READY'").setParameter(1, row[0])
                        .setParameter(2, now).executeUpdate();
            });
        }
        return due.size();
    }

    private void step(UUID id, String state, int done, String current) {
        OffsetDateTime now = now();
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            return em.createNativeQuery("UPDATE personal_export SET state = ?2, steps_done = ?3, current_step = ?4,"
                            + " updated_at = ?5 WHERE id = ?1 AND state IN ('QUEUED', 'RUNNING')")
                    .setParameter(1, id).setParameter(2, state).setParameter(3, done).setParameter(4, current)
                    .setParameter(5, now).executeUpdate();
        });
    }

    private void fail(UUID id, String why) {
        OffsetDateTime now = now();
        String failure = why.length() > 2000 ? why.substring(0, 2000) : why;
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            return em.createNativeQuery("UPDATE personal_export SET state = 'FAILED', current_step = NULL,"
                            + " failure = ?2, finished_at = ?3, updated_at = ?3 WHERE id = ?1")
                    .setParameter(1, id).setParameter(2, failure).setParameter(3, now).executeUpdate();
        });
    }

    private void audit(Person person, String action, UUID id, boolean done, String detail) {
        if (trail.isUnsatisfied()) {
            LOG.severe("no audit trail in this runtime: " + action + " " + id + " by " + person.username());
            return;
        }
        trail.get().record(new AuditTrail.Entry(person.username(), action, "person",
                person.directoryId().map(UUID::toString).orElse(person.subject()), person.displayName(),
                schools(person), done, "archive " + id + (detail == null ? "" : ", " + detail)));
    }

    /** The UAIs of the person's schools (their own and those a merge attached them to): who reads the entry. */
    private Set<String> schools(Person person) {
        if (person.directoryId().isEmpty()) {
            return Set.of();
        }
        try {
            String id = person.directoryId().get().toString();
            Set<UUID> ids = new java.util.HashSet<>(users.attachments(id));
            UUID own = users.get(id).structureId();
            if (own != null) {
                ids.add(own);
            }
            Set<String> uais = new java.util.TreeSet<>();
            for (UUID school : ids) {
                uais.add(structures.get(school.toString()).uai());
            }
            return uais;
        } catch (RuntimeException e) {
            // not in the directory (any more): the collectivity's SUPER_ADMIN still reads the entry
            LOG.log(Level.FINE, "no schools for " + person.username(), e);
            return Set.of();
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
    }

    private static List<ExportJob> rows(EntityManager em, String where, Object... params) {
        TenantData.nativeSqlInSchema(em);
        jakarta.persistence.Query q = em.createNativeQuery("SELECT " + COLUMNS + " FROM personal_export WHERE " + where);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> result = q.getResultList();
        return result.stream().map(Exports::job).toList();
    }

    private static ExportJob job(Object[] r) {
        return new ExportJob((UUID) r[0], ExportJob.State.valueOf((String) r[1]), ((Number) r[2]).intValue(),
                ((Number) r[3]).intValue(), (String) r[4], r[5] == null ? null : ((Number) r[5]).longValue(),
                (String) r[6], instant(r[7]), instant(r[8]), instant(r[9]));
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        throw new IllegalStateException("not a time: " + value.getClass());
    }
}
