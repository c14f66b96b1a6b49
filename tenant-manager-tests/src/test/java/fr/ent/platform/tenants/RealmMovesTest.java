package fr.ent.platform.tenants;

import static fr.ent.platform.tenants.ProvisioningTest.request;
import static fr.ent.platform.tenants.ProvisioningTest.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.keycloak.local.LocalKeycloak;
import fr.ent.platform.problem.DomainException;
import fr.ent.platform.tenancy.TenantState;
import fr.ent.platform.tenants.identity.AdminCredentials;
import fr.ent.platform.tenants.identity.IdentityRealms;
import fr.ent.platform.tenants.lifecycle.CollectivityService;
import fr.ent.platform.tenants.provisioning.Provisioner;
import fr.ent.platform.tenants.provisioning.StepGuard;
import fr.ent.platform.tenants.provisioning.TenantDatabase;
import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.registry.CollectivityRepository;
import fr.ent.platform.tenants.shards.ShardRegistry;
import fr.ent.platform.tenants.shards.ShardedKeycloakAdmin;
import fr.ent.platform.tenants.shards.move.RealmMoveView;
import fr.ent.platform.tenants.shards.move.RealmMoves;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The realm move's job (ADR 0048, amended: asynchronous, taken up after a restart) against a real registry and
 * realm: the request answers at once with a RUNNING move, the move runs on its own thread, writes its steps and
 * fails at COPY towards a shard nobody answers on, undone (the collectivity ACTIVE on its source); a move cut by a
 * restart on either side of the switch is taken up from what the registry says; another collectivity's move, or a
 * guessed id, is not found. A move that goes through needs two Keycloak servers with our admin extension:
 * platform-it's KeycloakShardsIT.
 *
 * <p>Isolated: the shard nobody answers on is open while a move is started towards it, and the shared registry would
 * place another class's new collectivity there meanwhile.
 */
@Isolated
class RealmMovesTest {

    private static final String DEAD = "rmt-dead";
    private static final String GONE = "rmt-gone";

    private final DataSource db = EmbeddedDatabase.dataSource();
    private final CollectivityRepository registry = new CollectivityRepository(db);
    private final IdentityRealms realms = TestKeycloak.realms();
    private final TenantDatabase database = new TenantDatabase(db, Optional.empty());
    private final CollectivityService service = new CollectivityService(registry,
            new Provisioner(db, registry, database, realms, StepGuard.NONE, new SimpleMeterRegistry()), database,
            realms, Runnable::run);
    private static final ExecutorService RUNS = Executors.newSingleThreadExecutor();
    private static final ScheduledExecutorService BEATS = Executors.newSingleThreadScheduledExecutor();
    private final RealmMoves moves = moves();

    @BeforeAll
    static void shards() throws Exception {
        // two shards nobody answers on, taking no realm until a test opens one
        sql("INSERT INTO platform.keycloak_shard (name, internal_url, public_url, capacity, open) VALUES ('" + DEAD
                + "', 'http://127.0.0.1:9', 'http://127.0.0.1:9', 0, false), ('" + GONE + "', 'http://127.0.0.1:9',"
                + " 'http://127.0.0.1:9', 0, false) ON CONFLICT (name) DO UPDATE SET open = false, capacity = 0");
    }

    @AfterAll
    static void stop() throws Exception {
        sql("UPDATE platform.keycloak_shard SET open = false, capacity = 0 WHERE name IN ('" + DEAD + "', '" + GONE
                + "')");
        RUNS.shutdownNow();
        BEATS.shutdownNow();
    }

    @Test
    void theRequestAnswersAtOnceAndAMoveThatFailsAtCopyIsUndoneOnItsOwnThread() throws Exception {
        Collectivity c = active(uniqueSlug("rmv"));
        Collectivity other = active(uniqueSlug("rmo"));
        // refused before anything is written
        assertThat(code(() -> moves.start(c.slug(), "default", "operator:t"))).isEqualTo("realm-move-same-shard");
        assertThat(code(() -> moves.start(c.slug(), DEAD, "operator:t"))).isEqualTo("shard-closed");
        assertThat(moves.list(c.slug())).isEmpty();

        sql("UPDATE platform.keycloak_shard SET open = true, capacity = 5 WHERE name = '" + DEAD + "'");
        RealmMoveView started;
        RealmMoveView failed;
        try {
            // open until the move ends: its thread checks again that the target takes it before it copies
            started = moves.start(c.slug(), DEAD, "operator:t");
            assertThat(started.state()).isEqualTo("RUNNING");
            assertThat(started.from()).isEqualTo("default");
            assertThat(started.to()).isEqualTo(DEAD);
            assertThat(started.wasActive()).isTrue();
            assertThat(started.stepsTotal()).isEqualTo(5);
            assertThat(started.requestedBy()).isEqualTo("operator:t");
            failed = await(c, started.id());
        } finally {
            sql("UPDATE platform.keycloak_shard SET open = false, capacity = 0 WHERE name = '" + DEAD + "'");
        }
        assertThat(failed.state()).isEqualTo("FAILED");
        assertThat(failed.problem()).isEqualTo("realm-move-failed");
        assertThat(failed.failure()).contains("étape COPY", "« default »", "dans son état d'avant");
        assertThat(failed.steps()).containsOnlyKeys("SUSPEND", "COPY");
        assertThat(failed.stepsDone()).isEqualTo(1);
        assertThat(failed.endedOn()).isEqualTo("default");
        assertThat(failed.endedState()).isEqualTo("ACTIVE");
        assertThat(failed.finishedAt()).isNotNull();
        assertThat(failed.seconds()).isNotNull();
        assertThat(service.get(c.slug()).state()).isEqualTo(TenantState.ACTIVE);
        assertThat(new ShardRegistry(db).shardOf(service.get(c.slug()))).isEqualTo("default");
        assertThat(TestKeycloak.admin().get(c.names().realm()).object().getBoolean("enabled")).isTrue();
        assertThat(BackupsTest.actions(db, c)).contains("REALM_MOVE_FAILED");

        // its moves, newest first; another collectivity's move, or a guessed id, is not found under this slug
        assertThat(moves.list(c.slug())).extracting(RealmMoveView::id).containsExactly(started.id());
        assertThat(moves.find(c.slug(), started.id()).state()).isEqualTo("FAILED");
        assertThat(moves.list(other.slug())).isEmpty();
        assertThat(code(() -> moves.find(other.slug(), started.id()))).isEqualTo("realm-move-not-found");
        assertThat(code(() -> moves.find(c.slug(), UUID.randomUUID().toString()))).isEqualTo("realm-move-not-found");
        assertThat(code(() -> moves.find(c.slug(), "../x"))).isEqualTo("realm-move-not-found");
        assertThat(code(() -> moves.list("nosuch-" + c.slug()))).isEqualTo("collectivity-not-found");

        // one unfinished move per collectivity: a RUNNING row (another replica's, beating) refuses a second
        UUID running = stalledRow(other, "default", DEAD, true, "COPY", "now()");
        sql("UPDATE platform.keycloak_shard SET open = true, capacity = 5 WHERE name = '" + DEAD + "'");
        try {
            assertThat(code(() -> moves.start(other.slug(), DEAD, "operator:t"))).isEqualTo("realm-move-running");
        } finally {
            sql("UPDATE platform.keycloak_shard SET open = false, capacity = 0 WHERE name = '" + DEAD + "'");
        }
        assertThat(moves.recoverInterrupted()).as("a move still beating is not taken up").isZero();
        assertThat(moves.find(other.slug(), running.toString()).state()).isEqualTo("RUNNING");
        sql("UPDATE platform.realm_move SET state = 'FAILED', finished_at = now() WHERE id = '" + running + "'");
    }

    @Test
    void aMoveCutBeforeTheSwitchIsUndoneAtTheTakeUpAndOneWhoseProcessLivesIsLeft() throws Exception {
        Collectivity c = active(uniqueSlug("rmb"));
        service.suspend(c.slug());
        UUID cut = stalledRow(c, "default", DEAD, true, "COPY", "now() - interval '1 hour'");
        // another collectivity's stalled move whose lock is held: its process lives (a long GC, a slow registry)
        Collectivity alive = active(uniqueSlug("rml"));
        UUID held = stalledRow(alive, "default", DEAD, true, "COPY", "now() - interval '1 hour'");
        try (Connection lock = db.getConnection()) {
            try (PreparedStatement ps = lock.prepareStatement("SELECT pg_advisory_lock(?)")) {
                ps.setLong(1, ("realm-move " + alive.id()).hashCode());
                ps.execute();
            }
            assertThat(moves.recoverInterrupted()).isGreaterThanOrEqualTo(1);
            assertThat(moves.find(alive.slug(), held.toString()).state()).isEqualTo("RUNNING");
        }

        RealmMoveView failed = moves.find(c.slug(), cut.toString());
        assertThat(failed.state()).isEqualTo("FAILED");
        assertThat(failed.problem()).isEqualTo("realm-move-interrupted");
        assertThat(failed.failure()).contains("redémarrage de tenant-manager", "étape COPY", "« default »", "ACTIVE");
        assertThat(failed.warnings()).as("the copy on a shard that does not answer: left, said")
                .anySatisfy(w -> assertThat(w).startsWith("REMOVE_TARGET_COPY"));
        assertThat(failed.endedOn()).isEqualTo("default");
        assertThat(failed.endedState()).isEqualTo("ACTIVE");
        assertThat(service.get(c.slug()).state()).as("resumed: the move had suspended it").isEqualTo(
                TenantState.ACTIVE);
        assertThat(TestKeycloak.admin().get(c.names().realm()).object().getBoolean("enabled")).isTrue();
        assertThat(BackupsTest.actions(db, c)).contains("REALM_MOVE_FAILED");

        // the lock gone with its process: taken up at the next round
        assertThat(moves.recoverInterrupted()).isGreaterThanOrEqualTo(1);
        assertThat(moves.find(alive.slug(), held.toString()).state()).isEqualTo("FAILED");
        assertThat(service.get(alive.slug()).state()).as("not suspended by the move: left as it is").isEqualTo(
                TenantState.ACTIVE);
    }

    @Test
    void aMoveCutAfterTheSwitchIsFinishedAtTheTakeUpOnItsTarget() throws Exception {
        // the registry names default, the move's target: it was cut after its switch, coming from a shard now gone
        Collectivity c = active(uniqueSlug("rma"));
        service.suspend(c.slug());
        UUID cut = stalledRow(c, GONE, "default", true, "REMOVE_SOURCE", "now() - interval '1 hour'");
        // a collectivity suspended before its move stays suspended
        Collectivity suspended = active(uniqueSlug("rms"));
        service.suspend(suspended.slug());
        UUID cutSuspended = stalledRow(suspended, GONE, "default", false, "REMOVE_SOURCE",
                "now() - interval '1 hour'");

        assertThat(moves.recoverInterrupted()).isGreaterThanOrEqualTo(2);

        RealmMoveView done = moves.find(c.slug(), cut.toString());
        assertThat(done.state()).isEqualTo("DONE");
        assertThat(done.problem()).isNull();
        assertThat(done.stepsDone()).isEqualTo(done.stepsTotal());
        assertThat(done.warnings()).anySatisfy(w -> assertThat(w).startsWith("REMOVE_SOURCE"))
                .anySatisfy(w -> assertThat(w).contains("interrompu (redémarrage de tenant-manager)"));
        assertThat(done.endedOn()).isEqualTo("default");
        assertThat(done.endedState()).isEqualTo("ACTIVE");
        assertThat(service.get(c.slug()).state()).isEqualTo(TenantState.ACTIVE);
        assertThat(BackupsTest.actions(db, c)).contains("REALM_MOVED");

        assertThat(moves.find(suspended.slug(), cutSuspended.toString()).state()).isEqualTo("DONE");
        assertThat(service.get(suspended.slug()).state()).isEqualTo(TenantState.SUSPENDED);
    }

    // --- helpers

    private RealmMoves moves() {
        LocalKeycloak k = TestKeycloak.server();
        ShardedKeycloakAdmin keycloak = new ShardedKeycloakAdmin(k.baseUrl(), new AdminCredentials.Password("master",
                k.adminUsername(), k.adminPassword()), new ShardRegistry(db)::endpointsOfRealm);
        return new RealmMoves(db, service, new ShardRegistry(db), keycloak, RUNS, Clock.systemUTC(),
                Duration.ofSeconds(30), BEATS);
    }

    private Collectivity active(String slug) {
        service.create(request(slug));
        Collectivity c = service.get(slug);
        assertThat(c.state()).isEqualTo(TenantState.ACTIVE);
        assertThat(new ShardRegistry(db).shardOf(c)).isEqualTo("default");
        return c;
    }

    /** A RUNNING row as a move's process leaves it when it dies, last beaten at {@code beaten} (SQL). */
    private UUID stalledRow(Collectivity c, String source, String target, boolean wasActive, String step,
            String beaten) throws Exception {
        UUID id = UUID.randomUUID();
        sql("INSERT INTO platform.realm_move (id, collectivity_id, slug, source_shard, target_shard, state, was_active,"
                + " requested_by, current_step, steps_done, steps_total, requested_at, updated_at) VALUES ('" + id
                + "', '" + c.id() + "', '" + c.slug() + "', '" + source + "', '" + target + "', 'RUNNING', "
                + wasActive + ", 'operator:t', '" + step + "', 1, 5, " + beaten + ", " + beaten + ")");
        return id;
    }

    private RealmMoveView await(Collectivity c, String id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            RealmMoveView v = moves.find(c.slug(), id);
            if (!v.state().equals("RUNNING")) {
                return v;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(id + " still running");
    }

    private static String code(Runnable call) {
        List<String> code = new ArrayList<>();
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.class, e -> code.add(e.code()));
        return code.get(0);
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = EmbeddedDatabase.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
