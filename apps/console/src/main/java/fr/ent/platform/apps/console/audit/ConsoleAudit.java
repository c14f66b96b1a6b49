package fr.ent.platform.apps.console.audit;

import fr.ent.platform.apps.console.ConsoleApp;
import fr.ent.platform.apps.console.scope.ConsoleScope;
import fr.ent.platform.runtime.persistence.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The console's audit trail (ADR 0024): every change an administrator makes through the console, recorded in the
 * collectivity's own schema (table {@code console_audit}, append-only: the database refuses to change or remove a
 * row). One call records an action: {@link #record}. A page of the console lists them ({@link #list}), a local
 * administrator reading only the entries about its schools.
 *
 * <p>Call {@link #record} once the action's outcome is known, with the outcome: {@code DONE} after the change,
 * {@code REFUSED} when nothing changed because the input or the caller was refused, {@code FAILED} when a dependency
 * failed. Recording never fails the administrator's page: the change has happened (or not) by then, so a failed
 * insert is logged at SEVERE with the whole entry, where the platform's logs keep it.
 */
@ApplicationScoped
public class ConsoleAudit {

    private static final Logger LOG = Logger.getLogger(ConsoleAudit.class.getName());
    private static final String COLUMNS = "seq, at, actor, action, target_kind, target_id, target_label, schools,"
            + " outcome, detail";

    @PersistenceUnit(unitName = ConsoleApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    /**
     * Records that {@code who} did {@code action} (a stable code: the console route's name, e.g. {@code APPS_SET})
     * on {@code target}, with its outcome and what was set or why it was refused ({@code detail}, may be null).
     */
    public void record(ConsoleScope who, String action, AuditTarget target, Outcome outcome, String detail) {
        record(who.username(), action, target, outcome, detail);
    }

    /**
     * The same, for an actor who is not an administrator in the console: a person exercising a right of their own
     * through the platform ({@link fr.ent.platform.runtime.audit.AuditTrail}, ADR 0030).
     */
    public void record(String username, String action, AuditTarget target, Outcome outcome, String detail) {
        String actor = username == null || username.isBlank() ? "?" : cut(username, 255);
        try {
            data.write(unit, em -> {
                TenantData.nativeSqlInSchema(em);
                return em.createNativeQuery("INSERT INTO console_audit (actor, action, target_kind, target_id,"
                                + " target_label, schools, outcome, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                        .setParameter(1, actor).setParameter(2, action).setParameter(3, target.kind())
                        .setParameter(4, cut(target.id(), 255)).setParameter(5, cut(target.label(), 500))
                        .setParameter(6, target.schoolsColumn()).setParameter(7, outcome.name())
                        .setParameter(8, cut(detail, 2000)).executeUpdate();
            });
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "console audit entry not recorded: actor=" + actor + " action=" + action
                    + " target=" + target + " outcome=" + outcome + " detail=" + detail, e);
        }
    }

    /**
     * Removes the entries older than {@code days} days, the platform's log retention ({@link AuditRetention}); never
     * younger than {@link #RETENTION_FLOOR_DAYS}, which the database enforces too (V3__audit_retention.sql).
     *
     * @return how many entries were removed
     */
    public int purgeOlderThan(int days) {
        int kept = Math.max(days, RETENTION_FLOOR_DAYS);
        return data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            // the trigger lets this transaction, and no other, delete entries past the floor
            em.createNativeQuery(PURGE_ON).getSingleResult();
            return em.createNativeQuery(PURGE).setParameter(1, kept).executeUpdate();
        });
    }

    /** Declares this transaction the purge (the only one the trigger lets delete, and only past the floor). */
    static final String PURGE_ON = "SELECT set_config('ent.audit_purge', 'on', true)";
    static final String PURGE = "DELETE FROM console_audit WHERE at < now() - make_interval(days => ?1)";

    /** CNIL-LOG-RETENTION's lower bound: 6 months, counted as 180 days. */
    public static final int RETENTION_FLOOR_DAYS = 180;

    /** A page of entries, the latest first, and whether there is a next one. */
    public record Page(List<AuditEntry> entries, boolean more) {
    }

    /** The entries {@code reader} may see that match the query (see {@link AuditQuery#condition}). */
    public Page list(ConsoleScope reader, AuditQuery query) {
        AuditQuery.Condition condition = query.condition(reader);
        List<AuditEntry> rows = data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            Query q = em.createNativeQuery("SELECT " + COLUMNS + " FROM console_audit WHERE " + condition.sql()
                    + " ORDER BY seq DESC LIMIT " + (AuditQuery.PAGE_SIZE + 1) + " OFFSET " + query.offset());
            for (int i = 0; i < condition.parameters().size(); i++) {
                q.setParameter(i + 1, condition.parameters().get(i));
            }
            @SuppressWarnings("unchecked")
            List<Object[]> result = q.getResultList();
            return result.stream().map(ConsoleAudit::entry).toList();
        });
        boolean more = rows.size() > AuditQuery.PAGE_SIZE;
        return new Page(more ? rows.subList(0, AuditQuery.PAGE_SIZE) : rows, more);
    }

    private static AuditEntry entry(Object[] row) {
        String schools = (String) row[7];
        return new AuditEntry(((Number) row[0]).longValue(), instant(row[1]), (String) row[2], (String) row[3],
                new AuditTarget((String) row[4], (String) row[5], (String) row[6],
                        schools == null || schools.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(schools.split(",")))),
                Outcome.valueOf((String) row[8]), (String) row[9]);
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        throw new IllegalStateException("unexpected time " + value);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
