package fr.ent.platform.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Tells a lost database apart from a bug: while PostgreSQL restarts (or fails over), every statement fails with a
 * connection error, and the honest answer is 503 {@code database-unavailable}, retry in a few seconds, not a 500 with
 * a stack trace in the log for each request (issue 18, PostgresRestartIT). Recognised anywhere in the cause chain
 * (EclipseLink, Liberty's pool and JTA wrap the driver's exception): a JDBC connection exception, SQLState class
 * {@code 08} (connection exception) or {@code 57P01..03} (the server shutting down or starting up).
 */
public final class DatabaseOutage {

    /** How long a client should wait before asking again: a fast restart takes seconds. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private static final Set<String> SERVER_GOING = Set.of("57P01", "57P02", "57P03");

    private DatabaseOutage() {
    }

    /** True when {@code failure} (or anything it wraps) says the database cannot be reached. */
    public static boolean isCause(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        return lost(failure, seen);
    }

    /** The answer to give instead: 503, the problem {@code database-unavailable}, Retry-After. */
    public static Unavailable problem() {
        return new Unavailable("database-unavailable").retryAfter(RETRY_AFTER);
    }

    private static boolean lost(Throwable t, Map<Throwable, Boolean> seen) {
        if (t == null || seen.put(t, Boolean.TRUE) != null || seen.size() > 50) {
            return false;
        }
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") || SERVER_GOING.contains(state))) {
                return true;
            }
            if (lost(sql.getNextException(), seen)) {
                return true;
            }
        }
        return lost(t.getCause(), seen) || lost(internal(t), seen);
    }

    /** EclipseLink keeps the driver's exception as its "internal exception" (not always also its cause). */
    private static Throwable internal(Throwable t) {
        try {
            java.lang.reflect.Method m = t.getClass().getMethod("getInternalException");
            return m.getReturnType() == Throwable.class || Throwable.class.isAssignableFrom(m.getReturnType())
                    ? (Throwable) m.invoke(t) : null;
        } catch (ReflectiveOperationException | RuntimeException noSuch) {
            return null;
        }
    }
}
