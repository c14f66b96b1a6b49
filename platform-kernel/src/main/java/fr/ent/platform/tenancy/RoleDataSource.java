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
 * connection would keep the collectivity's role and the next user of it would act as that collectivity.
 */
final class RoleDataSource extends DataSourceOverPool {

    private final String role;

    RoleDataSource(DataSource pool, String role) {
        super(pool);
        this.role = TenantNames.quote(role);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = pool.getConnection();
        try (Statement s = connection.createStatement()) {
            s.execute("SET ROLE " + role);
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
                            s.execute("RESET ROLE");
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
