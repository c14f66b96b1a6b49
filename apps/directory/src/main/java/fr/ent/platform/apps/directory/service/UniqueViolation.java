package fr.ent.platform.apps.directory.service;

import java.sql.SQLException;

/**
 * Recognises PostgreSQL's unique_violation (SQLSTATE 23505) under the JPA provider's wrapping. The services check
 * for duplicates before inserting, but two requests can pass that check at the same time; the database's unique
 * constraint is the final word and must still give the client a 409, not a 500.
 */
public final class UniqueViolation {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolation() {
    }

    public static boolean in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(s.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
