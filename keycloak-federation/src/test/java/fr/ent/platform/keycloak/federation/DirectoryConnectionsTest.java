package fr.ent.platform.keycloak.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.component.ComponentModel;

/**
 * The idle connections kept by the provider, counted where they cost: PostgreSQL's backends of application_name
 * {@value DirectoryConnections#APPLICATION_NAME} in pg_stat_activity. The clock is fake, so idle time passes
 * without sleeping; only a backend's exit is waited for (briefly), as pg_stat_activity shows it once done.
 */
class DirectoryConnectionsTest {

    private static final String SCHEMA = "t_idle";
    private static final String PASSWORD = "idle-secret";

    private static EmbeddedPostgres postgres;

    private final AtomicLong nanos = new AtomicLong();
    private final IdleBudget budget = new IdleBudget(IdleBudget.JVM_MAX_IDLE);
    private DirectoryFederationFactory factory;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            // As tenant-manager's DirectoryRole makes it, without the limit: the test opens more than 8 at once.
            s.execute("CREATE ROLE " + DirectorySettings.roleFor(SCHEMA) + " LOGIN NOINHERIT PASSWORD '"
                    + PASSWORD + "'");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void newFactory() {
        factory = new DirectoryFederationFactory(budget, nanos::get);
    }

    @AfterEach
    void closeFactory() throws Exception {
        factory.close();
        assertThat(budget.held()).isZero();
        assertThat(backends(n -> n == 0)).isZero();
    }

    @Test
    void aRealmKeepsAtMostItsOwnCapIdle() throws Exception {
        DirectoryConnections realm = factory.connections(component("realm-a"));
        List<Connection> borrowed = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            borrowed.add(realm.borrow());
        }
        assertThat(backends(n -> n == 6)).isEqualTo(6);
        borrowed.forEach(realm::giveBack);

        assertThat(backends(n -> n <= DirectoryConnections.MAX_IDLE)).isEqualTo(DirectoryConnections.MAX_IDLE);
        assertThat(budget.held()).isEqualTo(DirectoryConnections.MAX_IDLE);
        // A borrower takes an idle one: no new backend (a new one would show at once).
        realm.giveBack(realm.borrow());
        assertThat(backends(n -> true)).isEqualTo(DirectoryConnections.MAX_IDLE);
    }

    @Test
    void theIdleConnectionsOfARealmNobodyUsesCloseAfterTheIdleTime() throws Exception {
        DirectoryConnections unused = factory.connections(component("realm-unused"));
        Connection first = unused.borrow();
        Connection second = unused.borrow();
        unused.giveBack(first);
        unused.giveBack(second);
        assertThat(backends(n -> n == 2)).isEqualTo(2);

        // Half the idle time: another realm's login sweeps, nothing is old enough yet.
        nanos.addAndGet(DirectoryConnections.IDLE_TIME.dividedBy(2).toNanos());
        factory.connections(component("realm-busy"));
        assertThat(budget.held()).isEqualTo(2);
        assertThat(backends(n -> true)).isEqualTo(2);

        nanos.addAndGet(DirectoryConnections.IDLE_TIME.dividedBy(2).toNanos() + 1);
        factory.connections(component("realm-busy"));
        assertThat(backends(n -> n == 0)).isZero();
        assertThat(budget.held()).isZero();
    }

    @Test
    void manyRealmsKeepAtMostTheJvmWideCapIdleTogether() throws Exception {
        for (int r = 0; r < 40; r++) {
            DirectoryConnections realm = factory.connections(component("realm-" + r));
            Connection first = realm.borrow();
            Connection second = realm.borrow();
            realm.giveBack(first);
            realm.giveBack(second);
        }
        assertThat(backends(n -> n <= IdleBudget.JVM_MAX_IDLE)).isEqualTo(IdleBudget.JVM_MAX_IDLE);
        assertThat(budget.held()).isEqualTo(IdleBudget.JVM_MAX_IDLE);

        // A connection borrowed from the budget frees its slot for another realm's.
        DirectoryConnections full = factory.connections(component("realm-0"));
        DirectoryConnections late = factory.connections(component("realm-39"));
        Connection borrowed = full.borrow();
        Connection opened = late.borrow();
        late.giveBack(opened);
        full.giveBack(borrowed);
        assertThat(budget.held()).isEqualTo(IdleBudget.JVM_MAX_IDLE);
        assertThat(backends(n -> n <= IdleBudget.JVM_MAX_IDLE)).isEqualTo(IdleBudget.JVM_MAX_IDLE);
    }

    @Test
    void aBrokenIdleConnectionIsReplacedAndAClosedRealmKeepsNothing() throws Exception {
        ComponentModel model = component("realm-broken");
        DirectoryConnections realm = factory.connections(model);
        realm.giveBack(realm.borrow());
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"
                    + DirectoryConnections.APPLICATION_NAME + "'");
        }
        assertThat(backends(n -> n == 0)).isZero();

        Connection fresh = realm.borrow();
        try (Statement s = fresh.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            assertThat(rs.next()).isTrue();
        }
        assertThat(budget.held()).isZero();

        // The component's settings change while a read is in flight: its connection is not kept by the old ones.
        factory.onUpdate(null, null, model, model);
        realm.giveBack(fresh);
        assertThat(backends(n -> n == 0)).isZero();
        assertThat(budget.held()).isZero();
    }

    private static ComponentModel component(String id) {
        ComponentModel model = new ComponentModel();
        model.setId(id);
        model.put(DirectorySettings.JDBC_URL, "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
        model.put(DirectorySettings.SCHEMA, SCHEMA);
        model.put(DirectorySettings.USER, DirectorySettings.roleFor(SCHEMA));
        model.put(DirectorySettings.PASSWORD, PASSWORD);
        return model;
    }

    /**
     * The provider's backends, read again for up to 5 s until {@code settled} holds: a closed connection's backend
     * leaves pg_stat_activity only once it has exited, shortly after the client closed it.
     */
    private static int backends(IntPredicate settled) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            int n;
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                         + DirectoryConnections.APPLICATION_NAME + "'")) {
                rs.next();
                n = rs.getInt(1);
            }
            if (settled.test(n) || System.nanoTime() > deadline) {
                return n;
            }
            Thread.sleep(50);
        }
    }
}
