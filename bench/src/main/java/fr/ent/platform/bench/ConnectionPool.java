package fr.ent.platform.bench;

import fr.ent.platform.tenancy.DataSourceOverPool;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ConcurrentLinkedDeque;
import javax.sql.DataSource;

/**
 * The smallest connection pool: connections kept open and handed out again, as the platform's servers (Liberty's
 * pool) do. Without it each transaction of the import would open a PostgreSQL backend (a process fork, milliseconds
 * each), which the platform never pays. A connection given back is rolled back if a transaction is open and its
 * session settings (role, search path) reset; server-prepared statements stay, as in a real pool.
 */
public final class ConnectionPool extends DataSourceOverPool implements AutoCloseable {

    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();

    public ConnectionPool(DataSource database) {
        super(database);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection real = idle.pollFirst();
        if (real == null || real.isClosed()) {
            real = pool.getConnection();
        }
        Connection c = real;
        // Closing twice must give the connection back once: Flyway closes some of its connections again after an
        // error, and a connection given back twice was then handed to two threads at once (two collectivities'
        // migrations on one session: "permission denied for schema public", "Cannot rollback when autoCommit").
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        if (closed.compareAndSet(false, true)) {
                            giveBack(c);
                        }
                        return null;
                    }
                    if (method.getName().equals("isClosed") && method.getParameterCount() == 0) {
                        return closed.get() || c.isClosed();
                    }
                    if (closed.get()) {
                        throw new SQLException("connection already given back to the pool");
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return pool.getConnection(user, password);
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return pool.isWrapperFor(type);
    }

    private void giveBack(Connection c) throws SQLException {
        if (c.isClosed()) {
            return;
        }
        if (!c.getAutoCommit()) {
            c.rollback();
            c.setAutoCommit(true);
        }
        try (Statement s = c.createStatement()) {
            s.execute("RESET ALL; RESET ROLE");
        }
        idle.addFirst(c);
    }

    @Override
    public void close() {
        for (Connection c; (c = idle.poll()) != null;) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing: nothing to do
            }
        }
    }
}
