package fr.ent.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which statements the benchmarks count as planned, as pg_stat_statements shows them. */
class StatementStatsTest {

    @Test
    void aCollectivitysMarkedStatementIsCountedAsPlanned() {
        assertThat(StatementStats.planned("/* t_b12 */ SELECT COUNT(id) FROM ent_user WHERE ($1 = $2)")).isTrue();
        assertThat(StatementStats.planned("  select 1")).isTrue();
        assertThat(StatementStats.planned("WITH x AS (SELECT 1) SELECT * FROM x")).isTrue();
    }

    @Test
    void settingsAndTransactionsAreNot() {
        assertThat(StatementStats.planned("SET LOCAL search_path TO \"t_b1\"")).isFalse();
        assertThat(StatementStats.planned("/* t_b1 */ SET LOCAL ROLE x")).isFalse();
        assertThat(StatementStats.planned("BEGIN")).isFalse();
    }
}
