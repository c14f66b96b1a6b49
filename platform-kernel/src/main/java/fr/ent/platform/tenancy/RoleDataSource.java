package fr.ent.platform.tenancy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Connections of a pool that act as one collectivity's role ({@code SET ROLE}) until they are closed, when the
 * role is reset ({@code RESET ROLE}) before the connection goes back to the pool. Without the reset, a pooled
 * connection would keep the collectivity's role and the next user of it would act as that collectivity. With
 * {@link #inSchema}, the connections also have the collectivity's schema as their {@code search_path} (reset as
 * well): for a Flyway configured without a schema, which then migrates the connection's current schema.
 */
final class RoleDataSource extends DataSourceOverPool {

    private final String role;
    private final String setUp;
    private final String reset;

    RoleDataSource(DataSource pool, String role) {
        super(pool);
        this.role = TenantNames.quote(role);
        this.setUp = "SET ROLE " + this.role;
        this.reset = "RESET ROLE";
    }

    private RoleDataSource(DataSource pool, TenantNames names) {
        super(pool);
        this.role = TenantNames.quote(names.role());
        this.setUp = "SET ROLE " + role + "; SET search_path TO " + TenantNames.quote(names.schema());
        this.reset = "RESET ROLE; RESET search_path";
    }

    /** Connections as the collectivity's role, in its schema. */
    static RoleDataSource inSchema(DataSource pool, TenantNames names) {
        return new RoleDataSource(pool, names);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = pool.getConnection();
        try (Statement s = connection.createStatement()) {
            s.execute(setUp);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        try (Statement s = connection.createStatement()) {
                            if (!connection.getAutoCommit()) {
                                connection.rollback();
                            }
                            s.execute(reset);
                        } finally {
                            connection.close();
                        }
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("a collectivity role connection uses the pool's credentials");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper of " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
