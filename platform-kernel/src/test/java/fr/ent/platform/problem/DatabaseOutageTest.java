package fr.ent.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A lost database is told apart from a bug, however deep the driver's exception is wrapped (PostgresRestartIT). */
class DatabaseOutageTest {

    @Test
    void connectionErrorsAnywhereInTheChainAreAnOutage() {
        // EclipseLink around Liberty around the driver: "Connection refused" while PostgreSQL restarts
        RuntimeException wrapped = new RuntimeException("jakarta.persistence.PersistenceException",
                new IllegalStateException("DatabaseException", new SQLException("Connection refused", "08001")));
        assertThat(DatabaseOutage.isCause(wrapped)).isTrue();
        assertThat(DatabaseOutage.isCause(new SQLException("terminating connection due to administrator command",
                "57P01"))).isTrue();
        assertThat(DatabaseOutage.isCause(new SQLException("the database system is starting up", "57P03"))).isTrue();
        assertThat(DatabaseOutage.isCause(new SQLTransientConnectionException("pool: no connection"))).isTrue();
        SQLException batch = new SQLException("batch failed", "XX000");
        batch.setNextException(new SQLException("I/O error", "08006"));
        assertThat(DatabaseOutage.isCause(batch)).isTrue();
    }

    /** As EclipseLink's DatabaseException: the driver's exception kept aside, not as the cause. */
    static final class LikeEclipseLink extends RuntimeException {
        private final Throwable internal;

        LikeEclipseLink(Throwable internal) {
            super("Exception [EclipseLink-4002]");
            this.internal = internal;
        }

        public Throwable getInternalException() {
            return internal;
        }
    }

    @Test
    void eclipseLinksInternalExceptionIsLookedAtToo() {
        assertThat(DatabaseOutage.isCause(new RuntimeException(new LikeEclipseLink(
                new SQLException("This connection has been closed.", "08003"))))).isTrue();
        assertThat(DatabaseOutage.isCause(new LikeEclipseLink(new SQLException("syntax", "42601")))).isFalse();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseOutage.isCause(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseOutage.isCause(new SQLException("no state"))).isFalse();
        assertThat(DatabaseOutage.isCause(new NullPointerException())).isFalse();
        RuntimeException loop = new RuntimeException("a");
        RuntimeException other = new RuntimeException("b", loop);
        loop.initCause(other);
        assertThat(DatabaseOutage.isCause(loop)).isFalse();
    }

    @Test
    void theAnswerIsA503ProblemToRetryInAFewSeconds() {
        ProblemStatuses.Answer answer = ProblemStatuses.answer(DatabaseOutage.problem(), Locale.FRENCH).orElseThrow();
        assertThat(answer.problem().status()).isEqualTo(503);
        assertThat(answer.headers()).containsEntry("Retry-After", "5");
        assertThat(answer.problem().toJson()).contains("urn:ent:problem:database-unavailable",
                "Base de données indisponible", "rien n'a été enregistré");
        assertThat(ProblemStatuses.problem(DatabaseOutage.problem(), Locale.ENGLISH).title())
                .isEqualTo("Database unavailable");
    }
}
