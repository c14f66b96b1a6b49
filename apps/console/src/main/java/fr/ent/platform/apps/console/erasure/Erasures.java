package fr.ent.platform.apps.console.erasure;

import fr.ent.platform.adminapi.AccountErasedView;
import fr.ent.platform.apps.console.ConsoleApp;
import fr.ent.platform.apps.console.audit.AuditTarget;
import fr.ent.platform.apps.console.audit.ConsoleAudit;
import fr.ent.platform.apps.console.audit.Outcome;
import fr.ent.platform.apps.console.people.ConsoleAccounts;
import fr.ent.platform.apps.console.people.ConsolePeople;
import fr.ent.platform.apps.console.scope.ConsoleScope;
import fr.ent.platform.apps.console.tenantmanager.TenantManagerChannel;
import fr.ent.platform.problem.DependencyFailed;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.data.DataContract;
import fr.ent.platform.runtime.data.Person;
import fr.ent.platform.runtime.persistence.TenantData;
import fr.ent.platform.runtime.tenant.Tenant;
import fr.ent.platform.runtime.tenant.TenantContext;
import fr.ent.platform.runtime.tenant.JobLeases;
import fr.ent.platform.runtime.tenant.TenantJobs;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Erasing a person (issue 18, ADR 0032): an administrator's request from the console, or the end of their rights.
 * An erasure is a row ({@code person_erasure}) and a job: first the account (tenant-manager deletes it from the
 * realm, with the administrator's own token; the person can no longer sign in), then one step per app whose
 * {@link DataContract} erases, the directory last, the row's progress written after each.
 *
 * <p>Every app's erasure is idempotent, so a job a restart interrupted is simply run again from its first app: the
 * sweep ({@link ErasureSweep}) takes up a row at work that has not moved for {@link ErasureSettings#stalledAfter()}:
 * a running job beats meanwhile ({@link JobLeases}, ADR 0041), so a row that stopped moving is one whose process died.
 * One whose account step never happened cannot be taken up without an administrator's token: it is reported
 * FAILED ("interrompu avant la suppression du compte"), nothing of the person's data having been touched yet.
 * Each request and outcome is an entry of the collectivity's audit trail.
 */
@ApplicationScoped
public class Erasures {

    private static final Logger LOG = Logger.getLogger(Erasures.class.getName());
    private static final String COLUMNS = "id, user_id, label, schools, reason, requested_by, state, steps_done,"
            + " steps_total, current_step, erased_rows, failure, requested_at, finished_at";
    /** The step before the apps': the account in the realm. */
    static final String ACCOUNT_STEP = "account";
    /** A job taken up more often than this is left FAILED (something in it fails every time). */
    static final int MAX_ATTEMPTS = 5;

    @PersistenceUnit(unitName = ConsoleApp.ID)
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
    ConsoleAudit audit;

    @Inject
    TenantManagerChannel tenantManager;

    @Inject
    ErasureSettings settings;

    @Inject
    Clock clock;

    @Inject
    JobLeases leases;

    @Resource
    ManagedExecutorService executor;

    /**
     * An administrator erases {@code person}: the account is deleted now (with {@code accessToken}, the
     * administrator's, as every console change reaches tenant-manager), the data by a job. A second request while
     * one is at work gives back that one. Only an administrator who reaches the person (ConsoleScope) may; a local
     * administrator only for people of their schools who have an account they may manage.
     */
    public Erasure request(ConsoleScope scope, Tenant tenant, String accessToken, ConsolePeople.Person person,
            String from, Locale language) {
        if (!ConsoleAccounts.managesAccounts(scope, person)) {
            throw new NotAllowed("forbidden");
        }
        UUID userId = person.detail().id();
        Optional<Erasure> working = atWork(userId);
        if (working.isPresent()) {
            return working.get();
        }
        String label = person.detail().firstName() + " " + person.detail().lastName();
        UUID id = insert(userId, label, person.schools(), Erasure.Reason.REQUEST, scope.username());
        AuditTarget target = target(userId, label, person.schools());
        audit.record(scope, "PERSON_ERASURE_REQUESTED", target, Outcome.DONE, "effacement " + id + ", depuis " + from);
        TenantManagerChannel.Raw answer;
        try {
            answer = tenantManager.exchange(tenant, accessToken, "DELETE", "accounts/" + userId,
                    "application/json", language, null, null);
        } catch (RuntimeException e) {
            fail(id, "compte non supprimé : " + e.getClass().getSimpleName());
            audit.record(scope, "PERSON_ERASURE_FAILED", target, Outcome.FAILED, "effacement " + id
                    + ", compte non supprimé");
            throw e;
        }
        AccountErasedView account;
        if (answer.status() == 200) {
            account = read(answer.text());
        } else if (answer.status() == 404 && scope.whole()) {
            account = new AccountErasedView(userId.toString(), "", ""); // never had an account: the data only
        } else {
            fail(id, "compte non supprimé : " + answer.status());
            audit.record(scope, "PERSON_ERASURE_FAILED", target, Outcome.FAILED, "effacement " + id
                    + ", compte non supprimé (" + answer.status() + ")");
            if (answer.status() == 404) {
                throw new NotFound("account-not-found", userId.toString()); // an administrator it may not touch
            }
            throw new DependencyFailed("tenant-manager-failed");
        }
        accountGone(id, account.login(), account.subject());
        start(tenant, id);
        return find(id).orElseThrow();
    }

    /** One erasure the scope may read (it reaches one of the person's schools, as they were); else not found. */
    public Erasure get(ConsoleScope scope, UUID id) {
        return find(id).filter(e -> scope.person(schools(e))).orElseThrow(
                () -> new NotFound("person-erasure-not-found", id.toString()));
    }

    /** The latest erasures the scope may read (at most 50). */
    public List<Erasure> recent(ConsoleScope scope) {
        return data.read(unit, em -> rows(em, "TRUE ORDER BY requested_at DESC LIMIT 200")).stream()
                .filter(e -> scope.person(schools(e))).limit(50).toList();
    }

    /** Runs the job of an erasure whose account is gone, now, on the platform's executor. */
    void start(Tenant tenant, UUID id) {
        executor.execute(() -> {
            try {
                jobs.as(tenant, () -> {
                    run(id);
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "erasure " + id + " of " + tenant.slug() + " did not run", e);
            }
        });
    }

    /**
     * Takes up the erasures at work a restart left behind (nothing moved for {@link ErasureSettings#stalledAfter()})
     * in the current collectivity: resumed when the account is gone, else reported failed. Gives how many.
     */
    public int resumeStalled() {
        OffsetDateTime now = now();
        OffsetDateTime before = now.minus(settings.stalledAfter());
        List<Object[]> stalled = data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            @SuppressWarnings("unchecked")
            List<Object[]> r = em.createNativeQuery("SELECT id, steps_done, attempts FROM person_erasure"
                    + " WHERE state IN ('QUEUED', 'RUNNING') AND updated_at < ?1").setParameter(1, before)
                    .getResultList();
            return r;
        });
        int taken = 0;
        for (Object[] row : stalled) {
            UUID id = (UUID) row[0];
            // one taker only (another replica's sweep may look at the same time)
            int claimed = data.write(unit, em -> {
                TenantData.nativeSqlInSchema(em);
                return em.createNativeQuery("UPDATE person_erasure SET updated_at = ?2, attempts = attempts + 1"
                        + " WHERE id = ?1 AND state IN ('QUEUED', 'RUNNING') AND updated_at < ?3")
                        .setParameter(1, id).setParameter(2, now).setParameter(3, before).executeUpdate();
            });
            if (claimed == 0) {
                continue;
            }
            taken++;
            Erasure e = find(id).orElseThrow();
            if (((Number) row[1]).intValue() == 0) {
                fail(id, "interrompu avant la suppression du compte : à redemander");
                audit.record(e.requestedBy(), "PERSON_ERASURE_FAILED", target(e), Outcome.FAILED,
                        "effacement " + id + ", interrompu avant la suppression du compte");
            } else if (((Number) row[2]).intValue() >= MAX_ATTEMPTS) {
                fail(id, "échoue à chaque reprise (" + MAX_ATTEMPTS + " essais)");
                audit.record(e.requestedBy(), "PERSON_ERASURE_FAILED", target(e), Outcome.FAILED,
                        "effacement " + id + ", abandonné après " + MAX_ATTEMPTS + " essais");
            } else {
                LOG.info(() -> "tenant=" + context.current().slug() + " erasure " + id + " taken up again");
                run(id);
            }
        }
        return taken;
    }

    /**
     * Runs the erasures the end of rights queued in the current collectivity (tenant-manager deleted the account and
     * wrote the row, account step done), one after the other. Gives how many.
     */
    public int startQueued() {
        List<UUID> queued = data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            @SuppressWarnings("unchecked")
            List<UUID> r = em.createNativeQuery("SELECT id FROM person_erasure WHERE state = 'QUEUED'"
                    + " AND steps_done >= 1 ORDER BY requested_at LIMIT 100").getResultList();
            return r;
        });
        int started = 0;
        int steps = erasing().size() + 1;
        for (UUID id : queued) {
            int claimed = data.write(unit, em -> {
                TenantData.nativeSqlInSchema(em);
                return em.createNativeQuery("UPDATE person_erasure SET state = 'RUNNING', steps_total = ?2,"
                        + " updated_at = ?3 WHERE id = ?1 AND state = 'QUEUED'").setParameter(1, id)
                        .setParameter(2, steps).setParameter(3, now()).executeUpdate();
            });
            if (claimed == 0) {
                continue;
            }
            started++;
            Erasure e = find(id).orElseThrow();
            if (e.reason() == Erasure.Reason.END_OF_RIGHTS) {
                audit.record(e.requestedBy(), "PERSON_ERASURE_REQUESTED", target(e), Outcome.DONE, "effacement " + id
                        + ", fin de droits : compte supprimé du realm, données à effacer");
            }
            run(id);
        }
        return started;
    }

    /** The job: every app's erasure in order (the directory last), the row's progress after each. */
    void run(UUID id) {
        Erasure e = find(id).orElseThrow();
        if (!e.working()) {
            return;
        }
        String[] account = data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            Object[] r = (Object[]) em.createNativeQuery("SELECT login, subject FROM person_erasure WHERE id = ?1")
                    .setParameter(1, id).getSingleResult();
            return new String[] {(String) r[0], (String) r[1]};
        });
        Person person = new Person(Optional.of(e.userId()), account[1], account[0], e.label());
        List<DataContract> erasing = erasing();
        long erased = 0;
        try (JobLeases.Heartbeat beating = heartbeat(id)) {
            int done = 1;
            for (DataContract contract : erasing) {
                step(id, done, contract.app(), erased);
                erased += contract.erasePerson(person);
                done++;
            }
            long total = erased;
            int finished = data.write(unit, em -> {
                TenantData.nativeSqlInSchema(em);
                return em.createNativeQuery("UPDATE person_erasure SET state = 'DONE', steps_done = steps_total,"
                        + " current_step = NULL, erased_rows = ?2, finished_at = ?3, updated_at = ?3"
                        + " WHERE id = ?1 AND state IN ('QUEUED', 'RUNNING')").setParameter(1, id)
                        .setParameter(2, total).setParameter(3, now()).executeUpdate();
            });
            if (finished == 1) {
                LOG.info(() -> "tenant=" + context.current().slug() + " erasure " + id + " (" + e.reason()
                        + ") done: " + total + " rows");
                audit.record(e.requestedBy(), "PERSON_ERASURE_DONE", target(e), Outcome.DONE, "effacement " + id
                        + (e.reason() == Erasure.Reason.END_OF_RIGHTS ? ", fin de droits" : "") + ", " + total
                        + " lignes effacées ou anonymisées");
            }
        } catch (RuntimeException failure) {
            LOG.log(Level.WARNING, "erasure " + id + " failed", failure);
            fail(id, failure.getClass().getSimpleName() + ": " + failure.getMessage());
            audit.record(e.requestedBy(), "PERSON_ERASURE_FAILED", target(e), Outcome.FAILED, "effacement " + id
                    + ", " + failure.getClass().getSimpleName());
        }
    }

    /** The contracts that erase, in app id order, the directory last (the others may still read it before). */
    List<DataContract> erasing() {
        List<DataContract> list = new ArrayList<>(contracts.stream().filter(c -> c.personErasure().isDone())
                .sorted(Comparator.comparing(DataContract::app)).toList());
        list.sort(Comparator.comparing(c -> "directory".equals(c.app())));
        return list;
    }

    Optional<Erasure> find(UUID id) {
        return data.read(unit, em -> rows(em, "id = ?1", id)).stream().findFirst();
    }

    private Optional<Erasure> atWork(UUID userId) {
        return data.read(unit, em -> rows(em, "user_id = ?1 AND state IN ('QUEUED', 'RUNNING')", userId)).stream()
                .findFirst();
    }

    private UUID insert(UUID userId, String label, Set<String> schools, Erasure.Reason reason, String by) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = now();
        int steps = erasing().size() + 1;
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            return em.createNativeQuery("INSERT INTO person_erasure (id, user_id, label, schools, reason,"
                            + " requested_by, state, steps_total, current_step, requested_at, updated_at)"
                            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'QUEUED', ?7, ?8, ?9, ?9)")
                    .setParameter(1, id).setParameter(2, userId).setParameter(3, cut(label, 300))
                    .setParameter(4, String.join(",", new java.util.TreeSet<>(schools))).setParameter(5, reason.name())
                    .setParameter(6, cut(by, 255)).setParameter(7, steps).setParameter(8, ACCOUNT_STEP)
                    .setParameter(9, now).executeUpdate();
        });
        return id;
    }

    private void accountGone(UUID id, String login, String subject) {
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            return em.createNativeQuery("UPDATE person_erasure SET login = ?2, subject = ?3, steps_done = 1,"
                            + " state = 'RUNNING', current_step = NULL, updated_at = ?4 WHERE id = ?1")
                    .setParameter(1, id).setParameter(2, login == null ? "" : login)
                    .setParameter(3, subject == null ? "" : subject).setParameter(4, now()).executeUpdate();
        });
    }

    private JobLeases.Heartbeat heartbeat(UUID id) {
        return leases.keep(context.current(), JobLeases.beat(settings.stalledAfter()), "erasure " + id,
                () -> data.write(unit, em -> {
                    TenantData.nativeSqlInSchema(em);
                    return em.createNativeQuery("UPDATE person_erasure SET updated_at = ?2 WHERE id = ?1"
                            + " AND state = 'RUNNING'").setParameter(1, id).setParameter(2, now()).executeUpdate();
                }));
    }

    private void step(UUID id, int done, String app, long erased) {
        leases.beforeStep(context.current());
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            return em.createNativeQuery("UPDATE person_erasure SET state = 'RUNNING', steps_done = ?2,"
                            + " current_step = ?3, erased_rows = ?4, updated_at = ?5 WHERE id = ?1"
                            + " AND state IN ('QUEUED', 'RUNNING')")
                    .setParameter(1, id).setParameter(2, done).setParameter(3, app).setParameter(4, erased)
                    .setParameter(5, now()).executeUpdate();
        });
    }

    private void fail(UUID id, String why) {
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            return em.createNativeQuery("UPDATE person_erasure SET state = 'FAILED', current_step = NULL,"
                            + " failure = ?2, finished_at = ?3, updated_at = ?3 WHERE id = ?1")
                    .setParameter(1, id).setParameter(2, cut(why, 2000)).setParameter(3, now()).executeUpdate();
        });
    }

    static Set<String> schools(Erasure e) {
        return e.schools().isEmpty() ? Set.of() : Set.of(e.schools().split(","));
    }

    private static AuditTarget target(Erasure e) {
        return target(e.userId(), e.label(), schools(e));
    }

    private static AuditTarget target(UUID userId, String label, Set<String> schools) {
        return AuditTarget.inSchools("person", userId.toString(), label, schools);
    }

    private static AccountErasedView read(String json) {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            return jsonb.fromJson(json, AccountErasedView.class);
        } catch (Exception e) {
            throw new IllegalStateException("tenant-manager's answer is not an AccountErasedView", e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String cut(String s, int max) {
        return s == null ? "" : s.length() > max ? s.substring(0, max) : s;
    }

    private static List<Erasure> rows(EntityManager em, String where, Object... params) {
        TenantData.nativeSqlInSchema(em);
        jakarta.persistence.Query q = em.createNativeQuery("SELECT " + COLUMNS + " FROM person_erasure WHERE " + where);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> result = q.getResultList();
        return result.stream().map(Erasures::erasure).toList();
    }

    private static Erasure erasure(Object[] r) {
        return new Erasure((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3],
                Erasure.Reason.valueOf((String) r[4]), (String) r[5], Erasure.State.valueOf((String) r[6]),
                ((Number) r[7]).intValue(), ((Number) r[8]).intValue(), (String) r[9], ((Number) r[10]).longValue(),
                (String) r[11], instant(r[12]), instant(r[13]));
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
