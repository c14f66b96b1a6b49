package fr.ent.platform.keycloak.federation;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A few idle connections of one realm's component, kept between logins: opening a PostgreSQL connection with
 * password authentication costs several milliseconds, a lookup on an open one a fraction. Not a full pool: a
 * borrower never waits, it opens a connection when none is idle, and at most {@value #MAX_IDLE} are kept. The
 * role's own CONNECTION LIMIT (tenant-manager) bounds what one realm can open.
 */
final class DirectoryConnections implements AutoCloseable {

    private static final int MAX_IDLE = 4;

    private final DirectorySettings settings;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();

    DirectoryConnections(DirectorySettings settings) {
        this.settings = settings;
    }

    DirectorySettings settings() {
        return settings;
    }

    Connection borrow() throws SQLException {
        for (Connection c; (c = idle.pollFirst()) != null; ) {
            idleCount.decrementAndGet();
            if (c.isValid(1)) {
                return c;
            }
            quietlyClose(c);
        }
        Properties properties = new Properties();
        properties.setProperty("user", settings.user());
        properties.setProperty("password", settings.password());
        properties.setProperty("ApplicationName", "keycloak-ent-directory");
        Connection c = new org.postgresql.Driver().connect(settings.jdbcUrl(), properties);
        if (c == null) {
            throw new SQLException("not a PostgreSQL URL: " + settings.jdbcUrl());
        }
        c.setReadOnly(true);
        c.setAutoCommit(true);
        return c;
    }

    void giveBack(Connection c) {
        if (idleCount.incrementAndGet() <= MAX_IDLE) {
            idle.addFirst(c);
        } else {
            idleCount.decrementAndGet();
            quietlyClose(c);
        }
    }

    /** A connection that failed mid-use is not kept. */
    void discard(Connection c) {
        quietlyClose(c);
    }

    @Override
    public void close() {
        for (Connection c; (c = idle.pollFirst()) != null; ) {
            quietlyClose(c);
        }
    }

    private static void quietlyClose(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // already broken: nothing to release
        }
    }
}
