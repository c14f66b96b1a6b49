package fr.ent.platform.tenants.identity;

import fr.ent.platform.problem.NotFound;
import fr.ent.platform.settings.SettingReader;
import fr.ent.platform.tenancy.TenantState;
import fr.ent.platform.tenancy.TenantTransactions;
import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.registry.CollectivityRepository;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The end of rights (issue 18, ADR 0032), tenant-manager's half: every {@code ent.accounts.end-of-rights.sweep-seconds},
 * for each active collectivity, the people its directory marks as having lost the right (absent from their school's
 * last import, {@code ent_user.rights_lost_at}) longer ago than {@code accounts.deletion.delay.days} (the sovereign
 * rule's setting, 90 days at most) lose their account in the realm, and an erasure of their data is queued for the
 * runtime (a row of the console's {@code person_erasure}, account step done), which the runtime's sweep runs as it
 * runs an administrator's. A parent is kept while one of their children still has the right.
 *
 * <p>Here because tenant-manager holds the realm's administration and the setting; the runtime holds no credential
 * that may delete accounts without an administrator's token. Idempotent: a person with an erasure at work is
 * skipped, an account already gone counts as deleted, and a row is written only after its account is gone (a
 * restart between the two finds the person again, the account missing, and writes the row).
 */
@ApplicationScoped
public class EndOfRights {

    private static final Logger LOG = Logger.getLogger(EndOfRights.class.getName());
    /** At most this many people per collectivity and round: the next round goes on. */
    static final int BATCH = 200;

    @Resource(lookup = "jdbc/ent")
    DataSource dataSource;

    @Inject
    CollectivityRepository registry;

    @Inject
    IdentityRealms realms;

    @Inject
    SettingReader settings;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> ticking;

    /** What one round did in one collectivity. */
    public record Report(String slug, int accountsDeleted, int erasuresQueued, int keptParents) {
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        long every = sweep().toSeconds();
        ticking = scheduler.scheduleWithFixedDelay(this::round, every, every, TimeUnit.SECONDS);
        DeletionDelay delay = delay();
        if (delay.shortened().isPresent()) {
            LOG.warning(() -> "End of rights: the delay is shortened for tests (ent.accounts.deletion.delay-seconds):"
                    + " " + delay + ". Not for production.");
        }
        LOG.info(() -> "End of rights: every " + every + " s, delay " + delay);
    }

    @PreDestroy
    void stop() {
        if (ticking != null) {
            ticking.cancel(false);
        }
    }

    /** The delay after losing the right: days of the sovereign rule's setting, or seconds for tests. */
    DeletionDelay delay() {
        return DeletionDelay.from(settings);
    }

    private Duration sweep() {
        return Duration.ofSeconds(settings.integer("ent.accounts.end-of-rights.sweep-seconds", 3600, 1, 86_400));
    }

    void round() {
        if (!(realms instanceof KeycloakRealms)) {
            return; // no realm to delete accounts from (tests without Keycloak)
        }
        List<Collectivity> active;
        try {
            active = registry.list(EnumSet.of(TenantState.ACTIVE));
        } catch (RuntimeException e) {
            // the database restarting: an exception leaving the task would cancel it for good (its executor's rule)
            LOG.log(Level.WARNING, "end of rights: the registry cannot be read, the next round retries: " + e);
            return;
        }
        for (Collectivity c : active) {
            try {
                Report r = run(c, Instant.now());
                if (r.accountsDeleted() + r.erasuresQueued() > 0) {
                    LOG.info(() -> "tenant=" + c.slug() + " end of rights: " + r.accountsDeleted()
                            + " accounts deleted, " + r.erasuresQueued() + " erasures queued, " + r.keptParents()
                            + " parents kept for a child who keeps the right");
                }
            } catch (RuntimeException | SQLException e) {
                LOG.log(Level.WARNING, "tenant=" + c.slug() + " end of rights: this round failed, the next retries",
                        e);
            }
        }
    }

    /** One round for one collectivity. */
    public Report run(Collectivity c, Instant now) throws SQLException {
        TenantTransactions tx = new TenantTransactions(dataSource);
        Timestamp before = Timestamp.from(now.minus(delay().of(c.slug())));
        record Due(UUID id, String label, String schools) {
        }
        int[] kept = {0};
        List<Due> due = tx.read(c.names(), con -> {
            if (!hasErasures(con)) {
                return List.<Due>of();
            }
            kept[0] = count(con, "SELECT count(*) FROM ent_user u WHERE u.rights_lost_at < ? AND " + CHILD_KEEPS, before);
            List<Due> list = new ArrayList<>();
            try (PreparedStatement ps = con.prepareStatement("SELECT u.id, u.first_name || ' ' || u.last_name,"
                    + " coalesce((SELECT string_agg(DISTINCT s.uai, ',') FROM structure s WHERE s.id = u.structure_id"
                    + " OR s.id IN (SELECT k.structure_id FROM school_class k JOIN class_member m ON m.class_id = k.id"
                    + " WHERE m.user_id = u.id)), '') FROM ent_user u WHERE u.rights_lost_at < ? AND NOT "
                    + CHILD_KEEPS + " AND NOT EXISTS (SELECT 1 FROM person_erasure e WHERE e.user_id = u.id AND"
                    + " e.state IN ('QUEUED', 'RUNNING')) ORDER BY u.rights_lost_at LIMIT " + BATCH)) {
                ps.setTimestamp(1, before);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(new Due((UUID) rs.getObject(1), rs.getString(2), rs.getString(3).replace(" ", "")));
                    }
                }
            }
            return list;
        });
        KeycloakAdmin admin = ((KeycloakRealms) realms).admin();
        String realm = c.names().realm();
        int deleted = 0;
        int queued = 0;
        for (Due d : due) {
            String login = "";
            String subject = "";
            try {
                JsonObject user = AccountFunctions.user(admin, realm, d.id().toString());
                subject = user.getString("id");
                login = user.getString("username", "");
                admin.delete(realm + "/users/" + subject);
                deleted++;
            } catch (NotFound none) {
                // no account (never activated, or deleted by a round a restart interrupted): the data still goes
            }
            String l = login;
            String s = subject;
            int written = tx.write(c.names(), con -> {
                try (PreparedStatement ps = con.prepareStatement("INSERT INTO person_erasure (id, user_id, label,"
                        + " schools, login, subject, reason, requested_by, state, steps_done, steps_total,"
                        + " requested_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'END_OF_RIGHTS', 'fin-de-droits',"
                        + " 'QUEUED', 1, 1, now(), now()) ON CONFLICT DO NOTHING")) {
                    ps.setObject(1, UUID.randomUUID());
                    ps.setObject(2, d.id());
                    ps.setString(3, d.label().length() > 300 ? d.label().substring(0, 300) : d.label());
                    ps.setString(4, d.schools());
                    ps.setString(5, l);
                    ps.setString(6, s);
                    return ps.executeUpdate();
                }
            });
            queued += written;
        }
        return new Report(c.slug(), deleted, queued, kept[0]);
    }

    /** A parent one of whose children has not lost the right. */
    private static final String CHILD_KEEPS = "(u.profile = 'Relative' AND EXISTS (SELECT 1 FROM relative_link r"
            + " JOIN ent_user k ON k.id = r.student_id WHERE r.relative_id = u.id AND k.rights_lost_at IS NULL))";

    /** Whether the console's erasures are in this schema yet (a collectivity migrated before them has none). */
    private static boolean hasErasures(Connection con) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement("SELECT to_regclass('person_erasure') IS NOT NULL"
                + " AND EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema()"
                + " AND table_name = 'ent_user' AND column_name = 'rights_lost_at')");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static int count(Connection con, String sql, Timestamp before) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(sql)) {
            ps.setTimestamp(1, before);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }
}
