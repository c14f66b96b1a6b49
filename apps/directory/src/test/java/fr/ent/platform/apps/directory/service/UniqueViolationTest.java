package fr.ent.platform.apps.directory.service;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class UniqueViolationTest {

    @Test
    void findsSqlState23505UnderTheProviderWrapping() {
        SQLException duplicate = new SQLException("duplicate key value violates unique constraint", "23505");
        assertThat(UniqueViolation.in(new PersistenceException(new RuntimeException(duplicate)))).isTrue();
        SQLException batch = new SQLException("batch failed", "25P02");
        batch.setNextException(duplicate);
        assertThat(UniqueViolation.in(new PersistenceException(batch))).isTrue();
    }

    @Test
    void otherFailuresAreNotConflicts() {
        assertThat(UniqueViolation.in(new PersistenceException(new SQLException("fk", "23503")))).isFalse();
        assertThat(UniqueViolation.in(new PersistenceException("no cause"))).isFalse();
    }
}
