package fr.ent.platform.tenancy;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A view of a connection pool that changes how connections are handed out (a collectivity's role, a collectivity's
 * statement texts) and passes the pool's own settings through: the one place those delegations are written.
 */
public abstract class DataSourceOverPool implements DataSource {

    protected final DataSource pool;

    protected DataSourceOverPool(DataSource pool) {
        this.pool = pool;
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }
}
