package fr.ent.platform.runtime.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.tenancy.Slug;
import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.testing.database.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one statement that opens every unit of work of {@link TenantData}, run as EclipseLink runs it (one prepared
 * statement, in a transaction) against a real PostgreSQL, in both its forms: {@link TenantData#prelude} (SET LOCAL)
 * and {@link TenantData#settings} (set_config, for marked statements). Either must confine the unit to its
 * collectivity's role and schema and, for reads, make the transaction read-only.
 */
class TenantDataPreludeTest {

    private static final TenantNames A = TenantNames.of(new Slug("prelude-a"));
    private static final TenantNames B = TenantNames.of(new Slug("prelude-b"));
    private static DataSource db;

    @BeforeAll
    static void twoCollectivities() throws SQLException {
        db = TestDatabase.shared().dataSource();
        NoteSchemas.create(db, A, B);
    }

    @ParameterizedTest(name = "set_config: {0}")
    @ValueSource(booleans = {false, true})
    void aReadingUnitSeesItsOwnSchemaOnlyAndWritesNothing(boolean settings) throws SQLException {
        try (Connection c = openedUnit(A, true, settings)) {
            assertThat(firstNote(c, A)).isEqualTo(A.schema());
            assertThat(unqualifiedNote(c)).as("unqualified names resolve in the unit's schema").isEqualTo(A.schema());
            assertThat(currentRole(c)).isEqualTo(A.role());
            assertThatThrownBy(() -> firstNote(c, B)).hasMessageContaining("permission denied");
            c.rollback();
        }
        try (Connection c = openedUnit(A, true, settings)) {
            assertThatThrownBy(() -> insert(c, A)).hasMessageContaining("read-only transaction");
            c.rollback();
        }
    }

    @ParameterizedTest(name = "set_config: {0}")
    @ValueSource(booleans = {false, true})
    void aWritingUnitWritesItsOwnSchemaOnly(boolean settings) throws SQLException {
        try (Connection c = openedUnit(B, false, settings)) {
            insert(c, B);
            assertThat(unqualifiedNote(c)).isEqualTo(B.schema());
            assertThatThrownBy(() -> insert(c, A)).hasMessageContaining("permission denied");
            c.rollback();
        }
    }

    @ParameterizedTest(name = "set_config: {0}")
    @ValueSource(booleans = {false, true})
    void theRoleSearchPathAndReadOnlyEndWithTheTransaction(boolean settings) throws SQLException {
        try (Connection c = openedUnit(A, true, settings)) {
            c.commit();
            assertThat(currentRole(c)).isNotEqualTo(A.role());
            assertThatThrownBy(() -> unqualifiedNote(c)).hasMessageContaining("does not exist");
            c.rollback();
            insert(c, A); // as the session's own user (the tests' superuser), in a transaction no longer read-only
            c.rollback();
        }
    }

    @Test
    void aRoleNameIsAValueNotSql() throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement opening = c.prepareStatement(jdbc(TenantData.settings(true)))) {
                opening.setString(1, A.role() + "; RESET ROLE");
                opening.setString(2, A.schema());
                assertThatThrownBy(opening::executeQuery).hasMessageContaining("does not exist");
            }
            c.rollback();
        }
    }

    /** A connection in a transaction opened as TenantData opens one: BEGIN, then the opening as one statement. */
    private static Connection openedUnit(TenantNames tenant, boolean readOnly, boolean settings) throws SQLException {
        Connection c = db.getConnection();
        c.setAutoCommit(false);
        if (settings) {
            try (PreparedStatement opening = c.prepareStatement(jdbc(TenantData.settings(readOnly)))) {
                opening.setString(1, tenant.role());
                opening.setString(2, TenantNames.quote(tenant.schema()));
                opening.executeQuery().close();
            }
        } else {
            try (PreparedStatement prelude = c.prepareStatement(TenantData.prelude(tenant, readOnly))) {
                prelude.executeUpdate();
            }
        }
        return c;
    }

    /** JPA's numbered parameters ({@code ?1}) as JDBC's ({@code ?}), in order. */
    private static String jdbc(String sql) {
        return sql.replaceAll("\\?\\d+", "?");
    }

    private static String firstNote(Connection c, TenantNames t) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT text FROM " + t.schema() + ".note")) {
            r.next();
            return r.getString(1);
        }
    }

    private static String unqualifiedNote(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT text FROM note ORDER BY text")) {
            r.next();
            return r.getString(1);
        }
    }

    private static String currentRole(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT current_user")) {
            r.next();
            return r.getString(1);
        }
    }

    private static void insert(Connection c, TenantNames t) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO " + t.schema() + ".note VALUES ('x')");
        }
    }
}
