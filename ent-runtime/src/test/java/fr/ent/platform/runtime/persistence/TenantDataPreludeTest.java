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

/**
 * The one statement that opens every unit of work of {@link TenantData}, run as EclipseLink runs a native update (one
 * prepared statement, in a transaction) against a real PostgreSQL: it must still confine the unit to its
 * collectivity's role and schema and, for reads, make the transaction read-only.
 */
class TenantDataPreludeTest {

    private static final TenantNames A = TenantNames.of(new Slug("prelude-a"));
    private static final TenantNames B = TenantNames.of(new Slug("prelude-b"));
    private static DataSource db;

    @BeforeAll
    static void twoCollectivities() throws SQLException {
        db = TestDatabase.shared().dataSource();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (TenantNames t : new TenantNames[] {A, B}) {
                s.execute("DROP SCHEMA IF EXISTS " + t.schema() + " CASCADE");
                s.execute("DROP ROLE IF EXISTS " + t.role());
                s.execute("CREATE ROLE " + t.role() + " NOLOGIN");
                s.execute("CREATE SCHEMA " + t.schema() + " AUTHORIZATION " + t.role());
                s.execute("CREATE TABLE " + t.schema() + ".note (text varchar(40))");
                s.execute("ALTER TABLE " + t.schema() + ".note OWNER TO " + t.role());
                s.execute("INSERT INTO " + t.schema() + ".note VALUES ('" + t.schema() + "')");
            }
        }
    }

    @Test
    void aReadingUnitSeesItsOwnSchemaOnlyAndWritesNothing() throws SQLException {
        try (Connection c = openedUnit(A, true)) {
            assertThat(firstNote(c, A)).isEqualTo(A.schema());
            assertThat(unqualifiedNote(c)).as("unqualified names resolve in the unit's schema").isEqualTo(A.schema());
            assertThat(currentRole(c)).isEqualTo(A.role());
            assertThatThrownBy(() -> firstNote(c, B)).hasMessageContaining("permission denied");
            c.rollback();
        }
        try (Connection c = openedUnit(A, true)) {
            assertThatThrownBy(() -> insert(c, A)).hasMessageContaining("read-only transaction");
            c.rollback();
        }
    }

    @Test
    void aWritingUnitWritesItsOwnSchemaOnly() throws SQLException {
        try (Connection c = openedUnit(B, false)) {
            insert(c, B);
            assertThat(unqualifiedNote(c)).isEqualTo(B.schema());
            assertThatThrownBy(() -> insert(c, A)).hasMessageContaining("permission denied");
            c.rollback();
        }
    }

    @Test
    void theRoleEndsWithTheTransaction() throws SQLException {
        try (Connection c = openedUnit(A, true)) {
            c.commit();
            assertThat(currentRole(c)).isNotEqualTo(A.role());
            c.rollback();
        }
    }

    /** A connection in a transaction opened as TenantData opens one: BEGIN, then the prelude as one statement. */
    private static Connection openedUnit(TenantNames tenant, boolean readOnly) throws SQLException {
        Connection c = db.getConnection();
        c.setAutoCommit(false);
        try (PreparedStatement prelude = c.prepareStatement(TenantData.prelude(tenant, readOnly))) {
            prelude.executeUpdate();
        }
        return c;
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
