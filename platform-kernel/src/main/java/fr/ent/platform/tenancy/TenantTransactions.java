package fr.ent.platform.tenancy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The one door through which tenant-manager's JDBC code reads or writes a collectivity's tables: a transaction in
 * which the connection acts as the collectivity's role ({@code SET LOCAL ROLE}) with its schema first on the
 * {@code search_path}, so that the work can reach that schema and nothing else (the role has no right on another
 * collectivity's schema, nor on {@code platform}). {@code SET LOCAL} ends with the transaction: the pooled connection
 * goes back with tenant-manager's own role. Schema and role names come from {@link TenantNames}, never from input.
 * (Creating and dropping the schema and role, and the migrations, are not tenant data: they run as tenant-manager.)
 */
public final class TenantTransactions {

    /** Work on a collectivity's tables, given the connection of the transaction (not to be closed by the work). */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    private final DataSource pool;

    public TenantTransactions(DataSource pool) {
        this.pool = pool;
    }

    /** Runs {@code work} as the collectivity and commits; any exception rolls everything back. */
    public <T> T write(TenantNames names, Work<T> work) throws SQLException {
        return run(names, work, true);
    }

    /** Runs {@code work} as the collectivity and rolls back whatever it did: for reads. */
    public <T> T read(TenantNames names, Work<T> work) throws SQLException {
        return run(names, work, false);
    }

    private <T> T run(TenantNames names, Work<T> work, boolean commit) throws SQLException {
        try (Connection c = pool.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                try (Statement s = c.createStatement()) {
                    s.execute("SET LOCAL ROLE " + TenantNames.quote(names.role()));
                    s.execute("SET LOCAL search_path TO " + TenantNames.quote(names.schema()));
                }
                T result = work.apply(c);
                if (commit) {
                    c.commit();
                } else {
                    c.rollback();
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }
}
