package fr.ent.platform.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.it.Platform;
import fr.ent.platform.it.directory.ClassFixture;
import fr.ent.platform.it.identity.Logins;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL restarts (pg_ctl restart, fast mode: open transactions are rolled back, connections cut) while a teacher
 * sends numbered messages without pause. Sends during the restart may fail, but every send the platform acknowledged
 * (201) is in the database afterwards, and sending works again without restarting the platform (issue 18,
 * reliability tests). After the other classes: a failing pool would fail them.
 */
@Order(Platform.RESTARTS_THE_SERVER)
class PostgresRestartIT {

    private final Platform platform = Platform.get();

    @Test
    void everyAcknowledgedMessageIsThereAfterPostgresRestarts() throws Exception {
        ClassFixture c = ClassFixture.create("db-restart");
        String teacher = Logins.accessToken(platform, c.slug, c.domain(), "sophie.martin", ClassFixture.PASSWORD);
        Set<Integer> acknowledged = new ConcurrentSkipListSet<>();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        Thread driver = Thread.ofPlatform().name("message-driver").start(() -> {
            while (!stop.get()) {
                int n = sent.incrementAndGet();
                String json = "{\"to\":[\"user:" + c.parent + "\"],\"subject\":\"Message n° " + n + "\","
                        + "\"body\":\"<p>" + n + "</p>\"}";
                try {
                    HttpResponse<String> response = platform.client().runtime(c.domain(), "POST",
                            "/api/messagerie/messages", "application/json", json.getBytes(StandardCharsets.UTF_8),
                            Map.of("Authorization", "Bearer " + teacher, "Idempotency-Key",
                                    UUID.randomUUID().toString()), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 201) {
                        acknowledged.add(n);
                    } else {
                        refused.incrementAndGet();
                    }
                } catch (Exception e) {
                    refused.incrementAndGet();
                }
            }
        });

        Thread.sleep(Duration.ofSeconds(3));
        int beforeRestart = sent.get();
        restartPostgres();
        int afterRestart = sent.get();
        Thread.sleep(Duration.ofSeconds(5));
        stop.set(true);
        driver.join(Duration.ofSeconds(60).toMillis());

        System.out.printf("PostgresRestartIT: %d sent, %d acknowledged, %d refused; restart between #%d and #%d%n",
                sent.get(), acknowledged.size(), refused.get(), beforeRestart, afterRestart);
        assertThat(acknowledged).as("sends acknowledged before the restart").anyMatch(n -> n < beforeRestart);
        assertThat(acknowledged).as("sends acknowledged after the restart, without restarting the platform")
                .anyMatch(n -> n > afterRestart);
        Set<Integer> stored = storedNumbers(c.slug);
        assertThat(stored).as("every acknowledged message is stored").containsAll(acknowledged);
    }

    /** pg_ctl of the running server's binaries, on the platform's data directory (the options it was started with). */
    private static void restartPostgres() throws Exception {
        Path work = Path.of(System.getProperty("ent.it.work", "target/it-work")).toAbsolutePath();
        Path pgdata = work.resolve("pgdata-" + ProcessHandle.current().pid());
        assertThat(pgdata.resolve("postmaster.pid")).exists();
        long postmaster = Long.parseLong(Files.readAllLines(pgdata.resolve("postmaster.pid")).get(0).trim());
        Path postgres = Path.of(ProcessHandle.of(postmaster).orElseThrow().info().command().orElseThrow());
        Path pgCtl = postgres.resolveSibling("pg_ctl");
        Process restart = new ProcessBuilder(pgCtl.toString(), "-D", pgdata.toString(), "-m", "fast", "-w", "-t",
                "60", "restart").redirectErrorStream(true).redirectOutput(work.resolve("pg_ctl-restart.log").toFile())
                .start();
        assertThat(restart.waitFor()).as("pg_ctl restart (see %s)", work.resolve("pg_ctl-restart.log")).isZero();
        long newPostmaster = Long.parseLong(Files.readAllLines(pgdata.resolve("postmaster.pid")).get(0).trim());
        assertThat(newPostmaster).as("a new postmaster").isNotEqualTo(postmaster);
    }

    private Set<Integer> storedNumbers(String slug) throws Exception {
        Set<Integer> numbers = new HashSet<>();
        try (Connection c = platform.database().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT subject FROM t_" + slug.replace('-', '_')
                     + ".message WHERE state = 'SENT'")) {
            while (rows.next()) {
                numbers.add(Integer.parseInt(rows.getString(1).replace("Message n° ", "")));
            }
        }
        return numbers;
    }
}
