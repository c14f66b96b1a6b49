package fr.ent.platform.keycloak.federation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.LongSupplier;

/**
 * A few idle connections of one realm's component, kept between logins: opening a PostgreSQL connection with
 * password authentication costs several milliseconds, a lookup on an open one a fraction. Not a full pool: a
 * borrower never waits, it opens a connection when none is idle. A connection given back is kept only while the
 * realm holds fewer than {@value #MAX_IDLE} and the JVM-wide {@link IdleBudget} allows one more, and is closed once
 * idle longer than {@link #IDLE_TIME} ({@link #expire}, called by the factory's sweep). The role's own CONNECTION
 * LIMIT (tenant-manager) bounds what one realm can open.
 */
final class DirectoryConnections implements AutoCloseable {

    /** The application_name of these connections in pg_stat_activity. */
    static final String APPLICATION_NAME = "keycloak-ent-directory";

    /**
     * 2 per realm (4 before): a login makes its directory reads one after another on one connection at a time, so two
     * idle ones serve two logins of the realm at the same moment without a new connection. More would mostly hold
     * backends after a peak, and would eat into the role's CONNECTION LIMIT 8, which counts the connections of every
     * Keycloak instance serving the realm, idle ones included: idle connections of one instance could leave another
     * none to open.
     */
    static final int MAX_IDLE = 2;

    /**
     * 60 s: long enough for the connections of a realm in use to be reused from one login to the next (a class
     * signing in, a morning peak), short enough that a realm left alone (most of the 1,000 outside their peak) frees
     * its PostgreSQL backends within about a minute instead of holding them until Keycloak stops.
     */
    static final Duration IDLE_TIME = Duration.ofSeconds(60);

    private record Idle(Connection connection, long since) {
    }

    private final DirectorySettings settings;
    private final IdleBudget budget;
    private final LongSupplier nanos;
    /**
     * The most recently given back first: a borrower takes the freshest one, so that in a realm using fewer
     * connections than it keeps, the others age at the tail, where {@link #expire} closes them. Guarded by this; the
     * lock is held only to move entries, never while connecting, validating or closing.
     */
    private final ArrayDeque<Idle> idle = new ArrayDeque<>();
    private boolean closed;

    /** {@code nanos}: a monotonic clock ({@link System#nanoTime} in Keycloak, a fake one in tests). */
    DirectoryConnections(DirectorySettings settings, IdleBudget budget, LongSupplier nanos) {
        this.settings = settings;
        this.budget = budget;
        this.nanos = nanos;
    }

    DirectorySettings settings() {
        return settings;
    }

    Connection borrow() throws SQLException {
        for (Connection c; (c = takeIdle()) != null; ) {
            if (c.isValid(1)) {
                return c;
            }
            quietlyClose(c);
        }
        Properties properties = new Properties();
        properties.setProperty("user", settings.user());
        properties.setProperty("password", settings.password());
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        Connection c = new org.postgresql.Driver().connect(settings.jdbcUrl(), properties);
        if (c == null) {
            throw new SQLException("not a PostgreSQL URL: " + settings.jdbcUrl());
        }
        c.setReadOnly(true);
        c.setAutoCommit(true);
        return c;
    }

    void giveBack(Connection c) {
        if (!keep(c)) {
            quietlyClose(c);
        }
    }

    /** A connection that failed mid-use is not kept. */
    void discard(Connection c) {
        quietlyClose(c);
    }

    /** Closes the connections idle for {@link #IDLE_TIME} or longer. */
    void expire() {
        expired().forEach(DirectoryConnections::quietlyClose);
    }

    /** Closes the idle connections; one given back later is closed too (a read in flight when the settings change). */
    @Override
    public void close() {
        List<Connection> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(idle.size());
            for (Idle i; (i = idle.pollFirst()) != null; ) {
                budget.release();
                all.add(i.connection());
            }
        }
        all.forEach(DirectoryConnections::quietlyClose);
    }

    private synchronized Connection takeIdle() {
        Idle i = idle.pollFirst();
        if (i == null) {
            return null;
        }
        budget.release();
        return i.connection();
    }

    private synchronized boolean keep(Connection c) {
        if (closed || idle.size() >= MAX_IDLE || !budget.take()) {
            return false;
        }
        idle.addFirst(new Idle(c, nanos.getAsLong()));
        return true;
    }

    private synchronized List<Connection> expired() {
        long now = nanos.getAsLong();
        List<Connection> expired = new ArrayList<>();
        for (Idle oldest; (oldest = idle.peekLast()) != null && now - oldest.since() >= IDLE_TIME.toNanos(); ) {
            idle.pollLast();
            budget.release();
            expired.add(oldest.connection());
        }
        return expired;
    }

    private static void quietlyClose(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // already broken: nothing to release
        }
    }
}
