package fr.ent.platform.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.tenancy.Slug;
import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenancy.TenantTransactions;
import fr.ent.platform.tenants.provisioning.TenantDatabase;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The door to a collectivity's tables (platform-kernel's TenantTransactions) against a real PostgreSQL. */
class TenantTransactionsTest {

    private final DataSource db = EmbeddedDatabase.dataSource();
    private final TenantDatabase database = new TenantDatabase(db, Optional.empty());
    private final TenantTransactions door = new TenantTransactions(db);
    private TenantNames a;
    private TenantNames b;

    @BeforeEach
    void twoCollectivities() throws SQLException {
        int n = ThreadLocalRandom.current().nextInt(1_000_000);
        a = TenantNames.of(Slug.of("door-a-" + n));
        b = TenantNames.of(Slug.of("door-b-" + n));
        for (TenantNames names : new TenantNames[] {a, b}) {
            database.createSchemaAndRole(names);
            database.migrate(names);
        }
    }

    @Test
    void worksInTheCollectivitysOwnSchemaAsItsRole() throws SQLException {
        door.write(a, c -> insertSetting(c.prepareStatement(
                "INSERT INTO tenant_setting (name, value) VALUES ('motto', 'a')")));

        String[] seen = door.read(a, c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT current_user, current_schema, "
                            + "(SELECT value FROM tenant_setting WHERE name = 'motto')")) {
                rs.next();
                return new String[] {rs.getString(1), rs.getString(2), rs.getString(3)};
            }
        });
        assertThat(seen).containsExactly(a.role(), a.schema(), "a");
    }

    @Test
    void refusesAnotherCollectivitysSchema() {
        assertThatThrownBy(() -> door.write(a, c -> insertSetting(c.prepareStatement(
                "INSERT INTO " + TenantNames.quote(b.schema()) + ".tenant_setting (name, value) VALUES ('x', 'y')"))))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> door.read(a, c -> count(c.prepareStatement(
                "SELECT count(*) FROM " + TenantNames.quote(b.schema()) + ".tenant_setting"))))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied");
    }

    @Test
    void refusesThePlatformRegistry() {
        assertThatThrownBy(() -> door.read(a, c -> count(c.prepareStatement(
                "SELECT count(*) FROM platform.collectivity"))))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied");
    }

    @Test
    void aFailedWriteLeavesNothing() throws SQLException {
        assertThatThrownBy(() -> door.write(a, c -> {
            insertSetting(c.prepareStatement("INSERT INTO tenant_setting (name, value) VALUES ('half', 'done')"));
            throw new SQLException("stop here");
        })).hasMessage("stop here");

        long left = door.read(a, c -> count(c.prepareStatement(
                "SELECT count(*) FROM tenant_setting WHERE name = 'half'")));
        assertThat(left).isZero();
    }

    private static int insertSetting(PreparedStatement ps) throws SQLException {
        try (ps) {
            return ps.executeUpdate();
        }
    }

    private static long count(PreparedStatement ps) throws SQLException {
        try (ps; ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
