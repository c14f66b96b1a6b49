package fr.ent.platform.runtime.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.tenancy.ConnectionLaneNames;
import fr.ent.platform.tenancy.Slug;
import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.testing.database.TestDatabase;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Collectivities spread over connection lanes (ADR 0057): two collectivities on two lanes of one connection each,
 * beside the unit's own pool. Each collectivity's units must take their connection from its own lane only, keep
 * their statements there, and stay confined to their collectivity on it.
 */
class ConnectionLanesTest {

    /** On lane 1 of 2 ({@code crc32("t_lane_a") % 2}). */
    private static final TenantNames A = TenantNames.of(new Slug("lane-a"));
    /** On lane 0 of 2. */
    private static final TenantNames D = TenantNames.of(new Slug("lane-d"));
    private static final String NOTE = "SELECT text FROM note WHERE text LIKE 't%'";

    private static OneConnectionPool shared;
    private static OneConnectionPool[] lane;
    private static EntityManagerFactory unit;

    private final TestTenant current = new TestTenant();
    private final TenantData data = new TenantData();

    @BeforeAll
    static void twoCollectivitiesTwoLanes() throws SQLException {
        DataSource db = TestDatabase.shared().dataSource();
        NoteSchemas.create(db, A, D);
        shared = new OneConnectionPool(db.getConnection());
        lane = new OneConnectionPool[] {new OneConnectionPool(db.getConnection()),
            new OneConnectionPool(db.getConnection())};
        unit = Persistence.createEntityManagerFactory("ent", Map.of(PersistenceUnitProperties.NON_JTA_DATASOURCE,
                shared, PersistenceUnitProperties.WEAVING, "false"));
    }

    @AfterAll
    static void close() throws SQLException {
        unit.close();
        for (OneConnectionPool p : new OneConnectionPool[] {shared, lane[0], lane[1]}) {
            p.physical.close();
        }
    }

    ConnectionLanesTest() {
        data.emf = unit;
        data.context = current;
        data.plansPerCollectivity = () -> true;
        data.lanes.lookup = i -> Optional.of(lane[i]);
    }

    @BeforeEach
    void countFromZero() {
        for (OneConnectionPool p : new OneConnectionPool[] {shared, lane[0], lane[1]}) {
            p.handedOut.set(0);
            p.givenBack.set(0);
        }
    }

    @Test
    void eachCollectivityTakesItsConnectionsFromItsOwnLane() {
        data.lanes.count = () -> 2;
        for (int i = 0; i < 8; i++) { // pgjdbc prepares on the server from a statement's 5th use on a connection
            assertThat(note(A)).isEqualTo(A.schema());
        }
        assertThat(lane[1].handedOut.get()).as("A's units, on lane 1").isPositive();
        assertThat(lane[0].handedOut.get()).as("none of A's units on lane 0").isZero();
        int aOnLane1 = lane[1].handedOut.get();
        for (int i = 0; i < 8; i++) {
            assertThat(note(D)).isEqualTo(D.schema());
        }
        assertThat(lane[0].handedOut.get()).as("D's units, on lane 0").isPositive();
        assertThat(lane[1].handedOut.get()).as("none of D's units on lane 1").isEqualTo(aOnLane1);
        for (int i = 0; i < 8; i++) {
            note(A);
            note(D);
        }
        assertThat(shared.handedOut.get()).as("the shared pool, unused with lanes").isZero();
        assertThat(prepared(A)).as("lane 1's connection prepared A's statements only")
                .contains("/* " + A.schema() + " */ " + NOTE).noneMatch(s -> s.contains(D.schema()));
        assertThat(prepared(D)).as("lane 0's connection prepared D's statements only")
                .contains("/* " + D.schema() + " */ " + NOTE).noneMatch(s -> s.contains(A.schema()));
        for (OneConnectionPool p : lane) {
            assertThat(p.givenBack.get()).as("every unit gave its connection back").isEqualTo(p.handedOut.get());
        }
    }

    @Test
    void onItsLaneAUnitIsStillConfinedToItsCollectivity() {
        data.lanes.count = () -> 2;
        current.set(A);
        assertThatThrownBy(() -> data.read(em -> em.createNativeQuery("SELECT text FROM " + D.schema() + ".note")
                .getResultList())).hasMessageContaining("permission denied");
        assertThatThrownBy(() -> data.read(em -> em.createNativeQuery("INSERT INTO note VALUES ('x')")
                .executeUpdate())).hasMessageContaining("read-only transaction");
        // after a refused statement EclipseLink takes a connection from the unit's own pool (2 here): not a unit's work
        shared.handedOut.set(0);
        data.write(unit, em -> em.createNativeQuery("INSERT INTO note VALUES ('from a')").executeUpdate());
        current.set(D);
        Object seen = data.read(em -> em.createNativeQuery("SELECT count(*) FROM note WHERE text = 'from a'")
                .getSingleResult());
        assertThat(seen).isEqualTo(0L);
        assertThat(shared.handedOut.get()).isZero();
    }

    @Test
    void withOneLaneEveryCollectivityUsesTheUnitsPool() {
        data.lanes.count = () -> 1;
        note(A);
        note(D);
        assertThat(shared.handedOut.get()).isPositive();
        assertThat(lane[0].handedOut.get() + lane[1].handedOut.get()).isZero();
    }

    @Test
    void aLaneTheServerDoesNotDefineFallsBackToTheUnitsPool() {
        ConnectionLanes missing = new ConnectionLanes();
        missing.count = () -> 2;
        missing.lookup = i -> Optional.empty();
        assertThat(missing.of(A.schema(), shared)).isSameAs(shared);
        missing.count = () -> ConnectionLaneNames.MAX + 5;
        missing.lookup = i -> {
            assertThat(i).as("no lane beyond the ones server.xml defines").isLessThan(ConnectionLaneNames.MAX);
            return Optional.of(lane[0]);
        };
        assertThat(missing.of(A.schema(), shared)).isSameAs(lane[0]);
    }

    @Test
    void sequentialSchemaNamesSpreadEvenlyAndAlwaysOnTheSameLane() {
        for (int n : new int[] {4, 8}) {
            Map<Integer, Long> perLane = IntStream.rangeClosed(1, 1000).mapToObj(i -> "t_b" + i)
                    .collect(Collectors.groupingBy(s -> ConnectionLanes.laneOf(s, n), Collectors.counting()));
            assertThat(perLane).hasSize(n);
            assertThat(perLane.values()).allSatisfy(count -> assertThat(count).isBetween(1000L / n * 9 / 10,
                    1000L / n * 11 / 10));
        }
        assertThat(List.of(ConnectionLanes.laneOf(A.schema(), 2), ConnectionLanes.laneOf(D.schema(), 2)))
                .containsExactly(1, 0);
    }

    private String note(TenantNames t) {
        current.set(t);
        return (String) data.read(em -> em.createNativeQuery(NOTE).getSingleResult());
    }

    @SuppressWarnings("unchecked")
    private List<String> prepared(TenantNames t) {
        current.set(t);
        return data.read(em -> em.createNativeQuery("SELECT statement FROM pg_prepared_statements").getResultList());
    }
}
