package fr.ent.platform.runtime.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.runtime.tenant.Tenant;
import fr.ent.platform.runtime.tenant.TenantContext;
import fr.ent.platform.tenancy.Slug;
import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenancy.TenantState;
import fr.ent.platform.testing.database.TestDatabase;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TenantData's units on one pooled connection shared by two collectivities, as Liberty's pool shares its connections:
 * each collectivity's statements must be prepared on the server under their own text (so that PostgreSQL keeps each
 * one's plan, ADR 0047), the unit must still be confined to its collectivity, and the connection must go back to
 * the pool after each unit.
 */
class CollectivityStatementsTest {

    private static final TenantNames A = TenantNames.of(new Slug("stmt-a"));
    private static final TenantNames B = TenantNames.of(new Slug("stmt-b"));
    private static final String NOTE = "SELECT text FROM note WHERE text LIKE 't%'";

    private static OneConnectionPool pool;
    private static EntityManagerFactory unit;

    private final TestTenant current = new TestTenant();
    private final TenantData data = new TenantData();

    @BeforeAll
    static void twoCollectivitiesOneConnection() throws SQLException {
        DataSource db = TestDatabase.shared().dataSource();
        NoteSchemas.create(db, A, B);
        pool = new OneConnectionPool(db.getConnection());
        unit = Persistence.createEntityManagerFactory("ent", Map.of(PersistenceUnitProperties.NON_JTA_DATASOURCE, pool,
                PersistenceUnitProperties.WEAVING, "false"));
    }

    @AfterAll
    static void close() throws SQLException {
        unit.close();
        pool.physical.close();
    }

    CollectivityStatementsTest() {
        data.emf = unit;
        data.context = current;
        data.lanes.count = () -> 1;
    }

    @Test
    void eachCollectivityKeepsItsOwnStatementsOnASharedConnection() {
        data.plansPerCollectivity = () -> true;
        for (int i = 0; i < 8; i++) { // pgjdbc prepares on the server from a statement's 5th use on a connection
            assertThat(note(A)).isEqualTo(A.schema());
            assertThat(note(B)).isEqualTo(B.schema());
        }
        List<String> prepared = prepared(A);
        assertThat(prepared).contains("/* " + A.schema() + " */ " + NOTE, "/* " + B.schema() + " */ " + NOTE)
                .doesNotContain(NOTE);
        // prepared once and reused, not prepared again after each switch of collectivity (pgjdbc forgets its
        // statements at every SET search_path of another value: the marked units open with set_config instead)
        assertThat(executionsOfOneServerStatement(A, "/* " + A.schema() + " */ " + NOTE)).isGreaterThanOrEqualTo(3);
        assertThat(executionsOfOneServerStatement(B, "/* " + B.schema() + " */ " + NOTE)).isGreaterThanOrEqualTo(3);
        assertThat(pool.handedOut.get()).as("every unit gave its connection back").isEqualTo(pool.givenBack.get());
    }

    @Test
    void aMarkedUnitIsStillConfinedToItsCollectivity() {
        data.plansPerCollectivity = () -> true;
        current.set(A);
        assertThatThrownBy(() -> data.read(em -> em.createNativeQuery("SELECT text FROM " + B.schema() + ".note")
                .getResultList())).hasMessageContaining("permission denied");
        assertThatThrownBy(() -> data.read(em -> em.createNativeQuery("INSERT INTO note VALUES ('x')")
                .executeUpdate())).hasMessageContaining("read-only transaction");
        int written = data.write(unit, em -> em.createNativeQuery("INSERT INTO note VALUES ('written')")
                .executeUpdate());
        assertThat(written).isEqualTo(1);
        current.set(B);
        Object seen = data.read(em -> em.createNativeQuery("SELECT count(*) FROM note WHERE text = 'written'")
                .getSingleResult());
        assertThat(seen).isEqualTo(0L);
        assertThat(pool.handedOut.get()).isEqualTo(pool.givenBack.get());
    }

    @Test
    void turnedOffEveryCollectivitySharesOneText() {
        data.plansPerCollectivity = () -> false;
        for (int i = 0; i < 8; i++) {
            assertThat(shared(A)).isEqualTo(A.schema());
            assertThat(shared(B)).isEqualTo(B.schema());
        }
        assertThat(prepared(A)).contains("SELECT text AS shared FROM note WHERE text LIKE 't%'")
                .noneMatch(s -> s.contains("*/ SELECT text AS shared"));
    }

    @Test
    void aSchemaNameThatCouldEndTheCommentIsRefused() {
        assertThatThrownBy(() -> CollectivityStatements.of(pool, "t_x */ DROP")).isInstanceOf(
                IllegalArgumentException.class);
    }

    private String note(TenantNames t) {
        current.set(t);
        return (String) data.read(em -> em.createNativeQuery(NOTE).getSingleResult());
    }

    private String shared(TenantNames t) {
        current.set(t);
        return (String) data.read(em -> em.createNativeQuery("SELECT text AS shared FROM note WHERE text LIKE 't%'")
                .getSingleResult());
    }

    /** How many times the connection's server-side statement of {@code text} ran since it was prepared. */
    private long executionsOfOneServerStatement(TenantNames t, String text) {
        current.set(t);
        return ((Number) data.read(em -> em.createNativeQuery("SELECT coalesce(max(generic_plans + custom_plans), 0)"
                + " FROM pg_prepared_statements WHERE statement = ?1").setParameter(1, text).getSingleResult()))
                .longValue();
    }

    @SuppressWarnings("unchecked")
    private List<String> prepared(TenantNames t) {
        current.set(t);
        return data.read(em -> em.createNativeQuery("SELECT statement FROM pg_prepared_statements").getResultList());
    }
}
