package fr.ent.platform.tenants.shards.move;

import fr.ent.platform.identity.Realms;
import fr.ent.platform.problem.Conflict;
import fr.ent.platform.problem.DomainException;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.problem.Problem;
import fr.ent.platform.problem.Unavailable;
import fr.ent.platform.tenancy.TenantState;
import fr.ent.platform.tenants.lifecycle.CollectivityService;
import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.registry.CollectivityAudit;
import fr.ent.platform.tenants.shards.KeycloakShard;
import fr.ent.platform.tenants.shards.ShardRegistry;
import fr.ent.platform.tenants.shards.ShardedKeycloakAdmin;
import fr.ent.platform.tenants.shards.move.RealmMoveJobs.Outcome;
import fr.ent.platform.tenants.shards.move.RealmMoveJobs.Unfinished;
import fr.ent.platform.tenants.shards.move.RealmMovePlan.Result;
import fr.ent.platform.tenants.shards.move.RealmMovePlan.Step;
import fr.ent.platform.tenants.shards.move.RealmMovePlan.TakenUp;
import fr.ent.platform.tenants.shards.move.RealmMovePlan.Undo;
import fr.ent.platform.tenants.shards.move.RealmMovePlan.Where;
import fr.ent.platform.tenants.time.Heartbeat;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Moves a collectivity's realm to another Keycloak shard (ADR 0048, amended 2026-12): checked at once, then run in
 * the background, its progress and outcome in a row of {@code platform.realm_move} ({@link RealmMoveJobs}), as
 * backups run (ADR 0040, 0046). Suspended meanwhile, the realm copied with its people and their credentials
 * ({@link RealmCopy}), the registry switched, the old realm removed, resumed. The order and the ways back are
 * {@link RealmMovePlan}'s; this class gives the steps their effects and says the outcome: in the row, in the
 * collectivity's audit trail (console_audit) and in the log.
 *
 * <p>A move holds a session advisory lock on its collectivity for as long as it runs, and its row beats
 * ({@link Heartbeat}). The row's partial unique index keeps one move unfinished per collectivity, across replicas and
 * restarts; the lock says whether the process running it still lives: a RUNNING row that stopped beating and whose
 * lock nobody holds is a move whose process died, taken up by {@link #recoverInterrupted} (at start and then
 * periodically): undone before the switch, finished after it.
 */
public class RealmMoves {

    private static final Logger LOG = Logger.getLogger(RealmMoves.class.getName());
    /** The people copied are written at most this often (a page of 200 takes seconds: about once a page). */
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);
    /** Who a take-up is by, in the row's audit entries. */
    private static final String TAKE_UP = "tenant-manager";

    private final DataSource dataSource;
    private final CollectivityService collectivities;
    private final ShardRegistry shards;
    private final ShardedKeycloakAdmin keycloak;
    private final CollectivityAudit audit;
    private final RealmMoveJobs jobs;
    private final Executor executor;
    private final Clock clock;
    private final Duration stalled;
    private final ScheduledExecutorService beats;

    /**
     * {@code executor} runs the moves; {@code beats} touches the row of each move at work every sixth of
     * {@code stalled}, the time after which a row that has not moved is taken up as interrupted.
     */
    public RealmMoves(DataSource dataSource, CollectivityService collectivities, ShardRegistry shards,
            ShardedKeycloakAdmin keycloak, Executor executor, Clock clock, Duration stalled,
            ScheduledExecutorService beats) {
        this.dataSource = dataSource;
        this.collectivities = collectivities;
        this.shards = shards;
        this.keycloak = keycloak;
        this.audit = new CollectivityAudit(dataSource);
        this.jobs = new RealmMoveJobs(dataSource, clock);
        this.executor = executor;
        this.clock = clock;
        this.stalled = stalled;
        this.beats = beats;
    }

    /**
     * Starts moving the realm of {@code slug} to the shard {@code target}: everything that refuses the move is
     * checked here, before anything changes; the move itself runs in the background.
     *
     * @return the move, RUNNING (follow it with {@link #find})
     * @throws NotFound unknown collectivity
     * @throws fr.ent.platform.tenancy.InvalidTenantInputException unknown shard (400, the known ones listed)
     * @throws Conflict same shard, closed or full shard, a collectivity neither active nor suspended, a move of
     *         it unfinished
     */
    public RealmMoveView start(String slug, String target, String by) {
        if (keycloak == null) {
            throw new Unavailable("identity-not-configured");
        }
        Collectivity c = collectivities.get(slug);
        if (jobs.running(c.id()).isPresent()) {
            throw new Conflict("realm-move-running", c.slug());
        }
        String source = shards.shardOf(c);
        RealmMovePlan.refusal(c.slug(), c.state(), source, target, shards.list()).ifPresent(refused -> {
            throw refused;
        });
        boolean active = c.state() == TenantState.ACTIVE;
        UUID id = UUID.randomUUID();
        RealmMoveView started = jobs.insert(id, c.id(), c.slug(), source, target, active, by,
                RealmMovePlan.steps(active).size());
        try {
            executor.execute(() -> run(id, c, source, target, active, by));
        } catch (RuntimeException e) {
            jobs.finish(id, new Outcome("FAILED", Map.of(), List.of(), "realm-move-failed", detail(
                    "realm-move-failed", c.slug(), target, "-", source, e.getMessage()), source, c.state().name()));
            throw e;
        }
        LOG.info(() -> "tenant=" + c.slug() + " realm move " + id + " from shard " + source + " to " + target
                + " started by " + by);
        return started;
    }

    /** The collectivity's moves, the newest first. */
    public List<RealmMoveView> list(String slug) {
        return jobs.list(collectivities.get(slug).id());
    }

    /** One move of this collectivity; another collectivity's id, or a guessed one: {@link NotFound}. */
    public RealmMoveView find(String slug, String id) {
        return jobs.require(collectivities.get(slug).id(), id);
    }

    // --- the move, in the background

    private void run(UUID id, Collectivity requested, String source, String target, boolean active, String by) {
        try (Connection lock = dataSource.getConnection()) {
            long key = lockKey(requested.id());
            if (!advisory(lock, "SELECT pg_try_advisory_lock(?)", key)) {
                // a take-up of an earlier move of it at work: this one never started
                finish(requested, id, source, target, Map.of(), List.of(), "realm-move-running",
                        detail("realm-move-running", requested.slug()));
                return;
            }
            try (AutoCloseable beating = Heartbeat.beat(beats, stalled, "realm move " + id, () -> jobs.touch(id))) {
                runLocked(id, collectivities.get(requested.slug()), source, target, active, by);
            } finally {
                advisory(lock, "SELECT pg_advisory_unlock(?)", key);
            }
        } catch (Exception e) {
            // the registry unreachable: the row stops beating, and the take-up finishes it once the process is gone
            LOG.log(Level.SEVERE, "tenant=" + requested.slug() + " realm move " + id + " stopped", e);
        }
    }

    private void runLocked(UUID id, Collectivity c, String source, String target, boolean active, String by) {
        List<KeycloakShard> all = shards.list();
        String now = shards.shardOf(c);
        // what may have changed between the request and this thread: refused now as the request would have been
        Optional<RuntimeException> refused = now.equals(source)
                ? RealmMovePlan.refusal(c.slug(), c.state(), source, target, all)
                : Optional.of(new Conflict("realm-move-running", c.slug()));
        if (refused.isEmpty() && (c.state() == TenantState.ACTIVE) != active) {
            refused = Optional.of(new Conflict("realm-move-state", c.slug(), c.state()));
        }
        if (refused.isPresent()) {
            if (refused.get() instanceof DomainException problem) {
                finish(c, id, source, target, Map.of(), List.of(), problem.code(),
                        detail(problem.code(), problem.arguments()));
            } else { // a shard removed meanwhile
                finish(c, id, source, target, Map.of(), List.of(), "realm-move-failed", detail(
                        "realm-move-failed", c.slug(), target, "-", source, refused.get().getMessage()));
            }
            return;
        }
        KeycloakShard from = named(all, source);
        KeycloakShard to = named(all, target);
        List<Step> steps = RealmMovePlan.steps(active);
        Map<String, Long> timings = new LinkedHashMap<>();
        int[] people = {0};
        Effects effects = new Effects(c, from, to, new Progress(id, people));
        Result result = RealmMovePlan.run(active, new RealmMovePlan.Effects() {
            @Override
            public void run(Step step) {
                jobs.step(id, steps.indexOf(step), step.name(), timings);
                long begun = System.nanoTime();
                try {
                    effects.run(step);
                } finally {
                    timings.put(step.name(), (System.nanoTime() - begun) / 1_000_000);
                }
            }

            @Override
            public void undo(Undo undo) {
                effects.undo(undo);
            }
        });
        String seconds = String.format(Locale.FRANCE, "%.1f", timings.values().stream().mapToLong(Long::longValue)
                .sum() / 1000.0);
        if (result.moved() && result.failed().isEmpty()) {
            LOG.info(() -> "tenant=" + c.slug() + " realm moved from " + source + " to " + target + ": " + people[0]
                    + " people, " + timings + (result.warnings().isEmpty() ? "" : ", " + result.warnings()));
            audit.record(c, by, "REALM_MOVED", true, "domaine d'identité déplacé du serveur « " + source + " » vers"
                    + " « " + target + " » : " + people[0] + " personnes, " + seconds + " s"
                    + (result.warnings().isEmpty() ? "" : " (ancien domaine non supprimé : " + result.warnings()
                            + ")"));
            finish(c, id, source, target, timings, result.warnings(), null, null);
            return;
        }
        Step failed = result.failed().orElseThrow();
        RuntimeException cause = result.cause().orElseThrow();
        if (result.moved()) {
            // After the switch: on the target, not resumed. The operator resumes it.
            LOG.log(Level.WARNING, "tenant=" + c.slug() + " realm moved to " + target + " but not resumed", cause);
            audit.record(c, by, "REALM_MOVED", true, "domaine d'identité déplacé du serveur « " + source + " » vers"
                    + " « " + target + " » (" + people[0] + " personnes, " + seconds + " s), mais la collectivité"
                    + " n'a pas pu être remise en service : " + cause.getMessage());
            finish(c, id, source, target, timings, result.warnings(), "realm-move-resume-failed",
                    detail("realm-move-resume-failed", c.slug(), target, cause.getMessage()));
            return;
        }
        LOG.log(Level.WARNING, "tenant=" + c.slug() + " realm move to " + target + " failed at " + failed
                + (result.undoFailed() ? ", and was not fully undone" : ", undone: still on " + source), cause);
        audit.record(c, by, "REALM_MOVE_FAILED", false, "déplacement du domaine d'identité vers « " + target
                + " » en échec à l'étape " + failed + " : " + cause.getMessage() + (result.undoFailed()
                        ? " ; la collectivité reste sur « " + source + " » mais n'a pas pu être remise en service"
                        : " ; la collectivité reste sur « " + source + " », dans son état d'avant"));
        String problem = result.undoFailed() ? "realm-move-undo-failed" : "realm-move-failed";
        finish(c, id, source, target, timings, result.warnings(), problem,
                detail(problem, c.slug(), target, failed, source, cause.getMessage()));
    }

    /** Writes the outcome with where the collectivity stands now (a null problem: DONE). */
    private void finish(Collectivity c, UUID id, String source, String target, Map<String, Long> steps,
            List<String> warnings, String problem, String failure) {
        String endedOn = problem == null ? target : source;
        String endedState = null;
        try {
            Collectivity now = collectivities.get(c.slug());
            endedOn = shards.shardOf(now);
            endedState = now.state().name();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "tenant=" + c.slug() + " state after realm move " + id + " not read", e);
        }
        jobs.finish(id, new Outcome(problem == null ? "DONE" : "FAILED", steps, warnings, problem, failure, endedOn,
                endedState));
    }

    /** Writes how many people the target holds, at most every {@link #PROGRESS_EVERY} (and the last page always). */
    private final class Progress implements RealmCopy.Progress {
        private final UUID id;
        private final int[] people;
        private Instant written = Instant.MIN;

        Progress(UUID id, int[] people) {
            this.id = id;
            this.people = people;
        }

        @Override
        public void copied(int copied, int total) {
            people[0] = total;
            Instant now = clock.instant();
            if (copied == 0 || copied >= total || !now.isBefore(written.plus(PROGRESS_EVERY))) {
                jobs.people(id, copied, total);
                written = now;
            }
        }
    }

    /** The steps' and undos' effects, on Keycloak and the registry: of a move, or of its take-up after a restart. */
    private final class Effects implements RealmMovePlan.Effects {
        private final Collectivity c;
        private final KeycloakShard from;
        private final KeycloakShard to;
        private final RealmCopy.Progress progress;
        private final String realm;

        /** {@code from} or {@code to} null: a shard removed from the registry since (its step fails, said). */
        Effects(Collectivity c, KeycloakShard from, KeycloakShard to, RealmCopy.Progress progress) {
            this.c = c;
            this.from = from;
            this.to = to;
            this.progress = progress;
            this.realm = Realms.ofCollectivity(c.slug());
        }

        @Override
        public void run(Step step) {
            switch (step) {
                case SUSPEND -> collectivities.suspend(c.slug());
                case COPY -> RealmCopy.copy(keycloak.onShard(present(from)), keycloak.onShard(present(to)), realm,
                        progress);
                case SWITCH -> shards.switchShard(c, present(from).name(), present(to).name());
                case REMOVE_SOURCE -> keycloak.onShard(present(from)).delete(realm);
                case RESUME -> collectivities.resume(c.slug());
            }
        }

        @Override
        public void undo(Undo undo) {
            switch (undo) {
                case REMOVE_TARGET_COPY -> keycloak.onShard(present(to)).delete(realm);
                case RESUME_ON_SOURCE -> collectivities.resume(c.slug());
            }
        }

        private static KeycloakShard present(KeycloakShard shard) {
            if (shard == null) {
                throw new IllegalStateException("shard no longer in the registry");
            }
            return shard;
        }
    }

    // --- the take-up after a restart

    /**
     * The moves a stop or a crash interrupted, at start and then every few seconds: a RUNNING row that has not moved
     * for the stall time and whose collectivity's lock nobody holds (the process that held it is gone; a live move,
     * of this replica or another, holds it). The registry says which side of the switch it was cut
     * ({@link RealmMovePlan#takeUp}): before, the target's copy is removed and the collectivity resumed on its source
     * if the move had suspended it, FAILED {@code realm-move-interrupted}; after, the old realm is removed and the
     * collectivity resumed on the target likewise, DONE with a warning. Returns how many moves were taken up.
     */
    public synchronized int recoverInterrupted() {
        if (keycloak == null) {
            return 0;
        }
        int taken = 0;
        Instant before = clock.instant().minus(stalled);
        try {
            for (Unfinished move : jobs.stalled(before)) {
                try (Connection lock = dataSource.getConnection()) {
                    long key = lockKey(move.collectivity());
                    if (!advisory(lock, "SELECT pg_try_advisory_lock(?)", key)) {
                        continue;
                    }
                    try {
                        if (jobs.stillStalled(move.id(), before)) {
                            takeUp(move);
                            taken++;
                        }
                    } finally {
                        advisory(lock, "SELECT pg_advisory_unlock(?)", key);
                    }
                } catch (SQLException | RuntimeException e) {
                    LOG.log(Level.SEVERE, "tenant=" + move.slug() + " interrupted realm move " + move.id()
                            + " not taken up, the next round retries", e);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "interrupted realm moves not read, the next round retries", e);
        }
        return taken;
    }

    private void takeUp(Unfinished move) {
        Collectivity c = collectivities.get(move.slug());
        String on = shards.shardOf(c);
        Where where = on.equals(move.source()) ? Where.SOURCE : on.equals(move.target()) ? Where.TARGET
                : Where.ELSEWHERE;
        List<KeycloakShard> all = shards.list();
        TakenUp taken = RealmMovePlan.takeUp(RealmMovePlan.takeUp(where, move.wasActive(), c.state()),
                new Effects(c, find(all, move.source()), find(all, move.target()), RealmCopy.Progress.NONE));
        String step = move.step() == null ? "-" : move.step();
        List<String> warnings = new ArrayList<>(move.warnings());
        warnings.addAll(taken.warnings());
        String problem;
        String detail;
        if (taken.switched()) {
            warnings.add("interrompu (redémarrage de tenant-manager) à l'étape " + step + ", après la bascule :"
                    + " terminé à la reprise");
            problem = taken.resumeFailed().isPresent() ? "realm-move-resume-failed" : null;
            detail = problem == null ? null : detail(problem, c.slug(), move.target(),
                    taken.resumeFailed().get().getMessage());
        } else if (taken.resumeFailed().isPresent()) {
            problem = "realm-move-undo-failed";
            detail = detail(problem, c.slug(), move.target(), step, on, "interrompu (redémarrage de tenant-manager) ; "
                    + taken.resumeFailed().get().getMessage());
        } else {
            problem = "realm-move-interrupted";
            detail = detail(problem, c.slug(), move.target(), step, on, collectivities.get(c.slug()).state());
        }
        finish(c, move.id(), move.source(), move.target(), move.steps(), warnings, problem, detail);
        LOG.warning(() -> "tenant=" + c.slug() + " realm move " + move.id() + " interrupted at step " + step
                + " (registry: " + on + "), taken up: " + (problem == null ? "DONE" : problem) + " " + warnings);
        audit.record(c, TAKE_UP, taken.switched() ? "REALM_MOVED" : "REALM_MOVE_FAILED", problem == null,
                taken.switched()
                        ? "déplacement du domaine d'identité vers « " + move.target() + " » interrompu (redémarrage de"
                                + " tenant-manager) après la bascule, terminé à la reprise" + (problem == null ? ""
                                        : " ; " + detail)
                        : "déplacement du domaine d'identité vers « " + move.target() + " » interrompu (redémarrage"
                                + " de tenant-manager) à l'étape " + step + " : " + detail);
    }

    // --- helpers

    /** The problem's detail, in French (the row keeps one text, as backups' failures). */
    private static String detail(String code, Object... arguments) {
        return Problem.message(code + ".detail", Locale.FRENCH, arguments);
    }

    private static KeycloakShard named(List<KeycloakShard> all, String name) {
        return Optional.ofNullable(find(all, name)).orElseThrow(() -> new IllegalStateException("the registry names"
                + " shard " + name + " but has no such row"));
    }

    private static KeycloakShard find(List<KeycloakShard> all, String name) {
        return all.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    /** One lock per collectivity, as the synchronous move had (ADR 0048). */
    private static long lockKey(UUID collectivity) {
        return ("realm-move " + collectivity).hashCode();
    }

    private static boolean advisory(Connection c, String sql, long key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
