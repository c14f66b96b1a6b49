package fr.ent.platform.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The postmaster is started again with the arguments it wrote in postmaster.opts (PostgresRestartIT). */
class EmbeddedDatabaseTest {

    @Test
    void postmasterOptsGiveTheBinaryAndEachQuotedArgument() {
        String opts = "/tmp/embedded-pg/PG-1/bin/postgres \"-D\" \"/work/it work/pgdata\" \"-p\" \"5433\" \"-F\""
                + " \"-c\" \"synchronous_commit=off\" \"-c\" \"max_connections=300\" \"-c\" \"x=\"\n";
        assertThat(EmbeddedDatabase.postmasterCommand(opts)).containsExactly("/tmp/embedded-pg/PG-1/bin/postgres",
                "-D", "/work/it work/pgdata", "-p", "5433", "-F", "-c", "synchronous_commit=off", "-c",
                "max_connections=300", "-c", "x=");
    }
}
