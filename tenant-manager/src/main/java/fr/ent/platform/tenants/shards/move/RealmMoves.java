package fr.ent.platform.tenants.shards.move;

import fr.ent.platform.tenants.shards.KeycloakShard;
import fr.ent.platform.tenants.shards.ShardRegistry;
import fr.ent.platform.tenants.shards.ShardedKeycloakAdmin;
import fr.ent.platform.identity.Realms;
import fr.ent.platform.problem.Conflict;
import fr.ent.platform.problem.DependencyFailed;
import fr.ent.platform.problem.OperationFailed;
import fr.ent.platform.problem.Unavailable;
import fr.ent.platform.tenancy.TenantState;
import fr.ent.platform.tenants.lifecycle.CollectivityService;
import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.registry.CollectivityAudit;
import fr.ent.platform.tenants.registry.RegistryException;
import fr.ent.platform.tenants.shards.move.RealmMovePlan.Result;
import fr.ent.platform.tenants.shards.move.RealmMovePlan.Step;
import fr.ent.platform.tenants.shards.move.RealmMovePlan.Undo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Moves a collectivity's realm to another Keycloak shard in one command (ADR 0048): suspended meanwhile, the realm
 * copied with its people and their credentials ({@link RealmCopy}), the registry switched, the old realm removed,
 * resumed. The order and the ways back are {@link RealmMovePlan}'s; this class gives the steps their effects and
 * says the outcome: in the collectivity's audit trail (console_audit, as backups do), in the log, and to the caller.
 */
public class RealmMoves {

    private static final Logger LOG = Logger.getLogger(RealmMoves.class.getName());

    private final DataSource dataSource;
    private final CollectivityService collectivities;
    private final ShardRegistry shards;
    private final ShardedKeycloakAdmin keycloak;
    private final CollectivityAudit audit;

    public RealmMoves(DataSource dataSource, CollectivityService collectivities, ShardRegistry shards,
            ShardedKeycloakAdmin keycloak) {
        this.dataSource = dataSource;
        this.collectivities = collectivities;
        this.shards = shards;
        this.keycloak = keycloak;
        this.audit = new CollectivityAudit(dataSource);
    }

    /** A move that went through (warnings: the old realm left on the source). */
    /** A move that went through: {@code steps} the milliseconds of each step, in order. */
    public record Moved(String slug, String from, String to, TenantState state, int people, long millis,
            Map<String, Long> steps, List<String> warnings) {
    }

    /**
     * Moves the realm of {@code slug} to the shard {@code target}.
     *
     * @throws fr.ent.platform.problem.NotFound unknown collectivity
     * @throws fr.ent.platform.tenancy.InvalidTenantInputException unknown shard (400, the known ones listed)
     * @throws Conflict same shard, closed or full shard, a collectivity neither active nor suspended, a move of
     *         it already running
     * @throws DependencyFailed the move failed and was undone: the collectivity is on its source, as before
     * @throws OperationFailed the move failed and could not resume the collectivity on its source
     */
    public Moved move(String slug, String target, String by) {
        if (keycloak == null) {
            throw new Unavailable("identity-not-configured");
        }
        Collectivity c = collectivities.get(slug);
        long started = System.nanoTime();
        try (Connection lock = dataSource.getConnection()) {
            long key = ("realm-move " + c.id()).hashCode();
            if (!advisory(lock, "SELECT pg_try_advisory_lock(?)", key)) {
                throw new Conflict("realm-move-running", slug);
            }
            try {
                return moveLocked(collectivities.get(slug), target, by, started);
            } finally {
                advisory(lock, "SELECT pg_advisory_unlock(?)", key);
            }
        } catch (SQLException e) {
            throw new RegistryException("realm move of " + slug + " not started", e);
        }
    }

    private Moved moveLocked(Collectivity c, String target, String by, long started) {
        String source = shards.shardOf(c);
        List<KeycloakShard> all = shards.list();
        RealmMovePlan.refusal(c.slug(), c.state(), source, target, all).ifPresent(refused -> {
            throw refused;
        });
        KeycloakShard from = named(all, source);
        KeycloakShard to = named(all, target);
        boolean active = c.state() == TenantState.ACTIVE;
        String realm = Realms.ofCollectivity(c.slug());
        int[] people = {0};
        Map<String, Long> timings = new LinkedHashMap<>();
        LOG.info(() -> "tenant=" + c.slug() + " realm move from shard " + source + " to " + target + " by " + by);
        Result result = RealmMovePlan.run(active, new RealmMovePlan.Effects() {
            @Override
            public void run(Step step) {
                long begun = System.nanoTime();
                try {
                    apply(step);
                } finally {
                    timings.put(step.name(), (System.nanoTime() - begun) / 1_000_000);
                }
            }

            private void apply(Step step) {
                switch (step) {
                    case SUSPEND -> collectivities.suspend(c.slug());
                    case COPY -> people[0] = RealmCopy.copy(keycloak.onShard(from), keycloak.onShard(to), realm)
                            .people();
                    case SWITCH -> shards.switchShard(c, source, target);
                    case REMOVE_SOURCE -> keycloak.onShard(from).delete(realm);
                    case RESUME -> collectivities.resume(c.slug());
                }
            }

            @Override
            public void undo(Undo undo) {
                switch (undo) {
                    case REMOVE_TARGET_COPY -> keycloak.onShard(to).delete(realm);
                    case RESUME_ON_SOURCE -> collectivities.resume(c.slug());
                }
            }
        });
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (result.moved()) {
            Moved moved = new Moved(c.slug(), source, target, collectivities.get(c.slug()).state(), people[0], millis,
                    Collections.unmodifiableMap(timings), result.warnings());
            String seconds = String.format(Locale.FRANCE, "%.1f", millis / 1000.0);
            if (result.failed().isPresent()) {
                // After the switch: on the target, not resumed. The operator resumes it.
                RuntimeException cause = result.cause().orElseThrow();
                LOG.log(Level.WARNING, "tenant=" + c.slug() + " realm moved to " + target + " but not resumed", cause);
                audit(c, by, "REALM_MOVED", true, "domaine d'identité déplacé du serveur « " + source + " » vers « "
                        + target + " » (" + people[0] + " personnes, " + seconds + " s), mais la collectivité n'a"
                        + " pas pu être remise en service : " + cause.getMessage());
                throw new DependencyFailed("realm-move-resume-failed", c.slug(), target, cause.getMessage());
            }
            LOG.info(() -> "tenant=" + c.slug() + " realm moved from " + source + " to " + target + ": " + people[0]
                    + " people, " + millis + " ms " + timings
                    + (result.warnings().isEmpty() ? "" : ", " + result.warnings()));
            audit(c, by, "REALM_MOVED", true, "domaine d'identité déplacé du serveur « " + source + " » vers « "
                    + target + " » : " + people[0] + " personnes, " + seconds + " s"
                    + (result.warnings().isEmpty() ? "" : " (ancien domaine non supprimé : " + result.warnings()
                            + ")"));
            return moved;
        }
        Step failed = result.failed().orElseThrow();
        RuntimeException cause = result.cause().orElseThrow();
        LOG.log(Level.WARNING, "tenant=" + c.slug() + " realm move to " + target + " failed at " + failed
                + (result.undoFailed() ? ", and was not fully undone" : ", undone: still on " + source), cause);
        audit(c, by, "REALM_MOVE_FAILED", false, "déplacement du domaine d'identité vers « " + target
                + " » en échec à l'étape " + failed + " : " + cause.getMessage() + (result.undoFailed()
                        ? " ; la collectivité reste sur « " + source + " » mais n'a pas pu être remise en service"
                        : " ; la collectivité reste sur « " + source + " », dans son état d'avant"));
        if (result.undoFailed()) {
            throw new OperationFailed("realm-move-undo-failed", c.slug(), target, failed, source,
                    cause.getMessage());
        }
        throw new DependencyFailed("realm-move-failed", c.slug(), target, failed, source, cause.getMessage());
    }

    private static KeycloakShard named(List<KeycloakShard> all, String name) {
        return all.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the registry names shard " + name + " but has no such"
                        + " row"));
    }

    private static boolean advisory(Connection c, String sql, long key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Records in the collectivity's audit trail; never fails the move. */
    private void audit(Collectivity c, String by, String action, boolean done, String detail) {
        audit.record(c, by, action, done, detail);
    }
}
