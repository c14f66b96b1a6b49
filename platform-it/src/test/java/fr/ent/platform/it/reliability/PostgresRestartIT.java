package fr.ent.platform.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.it.Platform;
import fr.ent.platform.it.directory.ClassFixture;
import fr.ent.platform.it.identity.Logins;
import fr.ent.platform.local.LibertyServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * PostgreSQL restarts under write load (issue 18, reliability tests): a small load driver, four threads, sends
 * numbered messages through the messagerie API while the embedded server is stopped (fast shutdown: open
 * transactions rolled back, every connection cut), left down for a few seconds and started again. Every message
 * whose send was acknowledged (201) is stored afterwards; sends during the outage get a clear answer (503
 * {@code database-unavailable}, a problem document), never a stack trace; and the platform recovers by itself (its
 * pools drop the dead connections): sends are acknowledged again, and the admin API answers, with no restart of the
 * server. Isolated, after the classes that do not restart anything: a pool that did not recover would fail the
 * classes after.
 */
@Order(Platform.RESTARTS_THE_SERVER)
@Isolated // the database goes away under every class: none runs beside it
class PostgresRestartIT {

    private static final int THREADS = 4;
    private static final Duration OUTAGE = Duration.ofSeconds(4);

    private final Platform platform = Platform.get();

    @Test
    void everyAcknowledgedWriteIsThereAfterPostgresRestartsAndTheOutageIsA503() throws Exception {
        ClassFixture c = ClassFixture.create("db-restart");
        long cancelledBefore = cancelledTasks();
        String teacher = Logins.accessToken(platform, c.slug, c.domain(), "sophie.martin", ClassFixture.PASSWORD);
        Set<String> acknowledged = new ConcurrentSkipListSet<>();
        Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong restartedAt = new AtomicLong(Long.MAX_VALUE);
        AtomicInteger ackedAfterRestart = new AtomicInteger();
        Instant bound = Instant.now().plus(Duration.ofSeconds(120));
        List<Thread> drivers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            drivers.add(Thread.ofPlatform().name("message-driver-" + t).start(() -> {
                for (int n = 1; !stop.get() && Instant.now().isBefore(bound); n++) {
                    String number = thread + "-" + n;
                    String json = "{\"to\":[\"user:" + c.parent + "\"],\"subject\":\"Charge n° " + number + "\","
                            + "\"body\":\"<p>" + number + "</p>\"}";
                    try {
                        HttpResponse<String> r = platform.client().runtime(c.domain(), "POST",
                                "/api/messagerie/messages", "application/json", json.getBytes(StandardCharsets.UTF_8),
                                Map.of("Authorization", "Bearer " + teacher, "Idempotency-Key",
                                        UUID.randomUUID().toString()), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 201) {
                            acknowledged.add(number);
                            if (System.nanoTime() > restartedAt.get()) {
                                ackedAfterRestart.incrementAndGet();
                            }
                        } else {
                            refusals.computeIfAbsent(describe(r), k -> new AtomicInteger()).incrementAndGet();
                            Thread.sleep(50);
                        }
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        refusals.computeIfAbsent("exception " + e, k -> new AtomicInteger()).incrementAndGet();
                    }
                }
            }));
        }

        Thread.sleep(Duration.ofSeconds(3));
        int beforeRestart = acknowledged.size();
        platform.restartDatabase(OUTAGE);
        restartedAt.set(System.nanoTime());
        // the pools find out by themselves: sends are acknowledged again within seconds
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (ackedAfterRestart.get() < 20 && Instant.now().isBefore(until)) {
            Thread.sleep(200);
        }
        stop.set(true);
        for (Thread driver : drivers) {
            driver.join(Duration.ofSeconds(60).toMillis());
        }

        System.out.printf("PostgresRestartIT: %d acknowledged (%d before the restart, %d after), refusals %s%n",
                acknowledged.size(), beforeRestart, ackedAfterRestart.get(), refusals);
        assertThat(beforeRestart).as("sends acknowledged before the restart").isPositive();
        assertThat(ackedAfterRestart.get()).as("sends acknowledged after the restart, without restarting the server")
                .isGreaterThanOrEqualTo(20);
        assertThat(refusals).as("a send during the outage is refused with a clear 503 problem, never anything else")
                .isNotEmpty().allSatisfy((what, count) -> assertThat(what).isEqualTo(
                        "503 application/problem+json urn:ent:problem:database-unavailable retry-after=5"));
        Set<String> stored = stored(c.slug);
        assertThat(stored).as("every acknowledged message is stored").containsAll(acknowledged);
        // the other application's pool too: the admin API answers from the registry
        assertThat(platform.admin("GET", "/collectivities/" + c.slug, null).statusCode()).isEqualTo(200);
        // and the periodic jobs go on: one whose round let the outage's exception out would be cancelled for good
        // by its executor (CWWKC1101E: the end of rights did, until its round caught the registry's failure)
        assertThat(cancelledTasks()).as("periodic tasks failed (and so stopped) during the outage, see "
                + messagesLog()).isEqualTo(cancelledBefore);
    }

    /** The server's log lines saying a scheduled task failed, which cancels a periodic one. */
    private long cancelledTasks() throws Exception {
        Path log = messagesLog();
        if (!Files.exists(log)) {
            return 0;
        }
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains("CWWKC1101E")).count();
        }
    }

    private Path messagesLog() {
        return platform.server().outputDirectory().resolve(LibertyServer.SERVER_NAME).resolve("logs")
                .resolve("messages.log");
    }

    private static String describe(HttpResponse<String> r) {
        String type = "";
        try {
            type = Platform.json(r).getString("type", "");
        } catch (RuntimeException notJson) {
            type = "body: " + r.body().substring(0, Math.min(200, r.body().length()));
        }
        String mediaType = r.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", "").strip();
        return r.statusCode() + " " + mediaType + " " + type
                + " retry-after=" + r.headers().firstValue("Retry-After").orElse("");
    }

    private Set<String> stored(String slug) throws Exception {
        Set<String> numbers = new HashSet<>();
        try (Connection c = platform.database().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT subject FROM t_" + slug.replace('-', '_')
                     + ".message WHERE state = 'SENT' AND subject LIKE 'Charge n° %'")) {
            while (rows.next()) {
                numbers.add(rows.getString(1).replace("Charge n° ", ""));
            }
        }
        return numbers;
    }
}
