package fr.ent.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.bench.metrics.MetricsOverheadBench;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the benchmarks from rotting: the requests each platform benchmark measures still succeed (2xx, no 401)
 * against the real platform, a handful of each, one collectivity, nothing timed. One platform (PostgreSQL,
 * Keycloak, Liberty) for all of them, as the benchmarks would start it. The figures come from the benchmarks
 * themselves (docs/benchmarks.md).
 */
class BenchSmokeIT {

    private static BenchPlatform platform;

    @BeforeAll
    static void start() throws Exception {
        platform = BenchPlatform.start("smoke");
    }

    @AfterAll
    static void stop() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void provisioningBenchProvisionsAndReadsItsSteps() throws Exception {
        BenchPlatform.Provisioned provisioned = platform.provision("smoke-prov", "psmoke.localhost", 10);
        assertThat(provisioned.activeNanos()).isPositive();
        assertThat(platform.stepMillis("smoke-prov")).containsKeys("SCHEMA", "MIGRATIONS");
    }

    @Test
    void directoryReadBenchReadsWithEachReadersToken() throws Exception {
        DirectoryReadBench.Target[] targets = DirectoryReadBench.prepare(platform, "smoke", 1, 3);
        assertThat(targets[0].readers()).hasSize(2); // the Teacher and the Personnel of the 3 people

        AtomicLong errors = new AtomicLong();
        Map<String, AtomicLong> kinds = new ConcurrentHashMap<>();
        DirectoryReadBench.Phase phase = DirectoryReadBench.run("smoke", "B", 0, targets,
                URI.create(platform.server().runtimeBase() + DirectoryReadBench.PATH), 2, 1,
                DirectoryReadBench.client(), errors, kinds);
        assertThat(kinds).isEmpty();
        assertThat(phase.requests()).isPositive();
        assertThat(phase.errors()).isZero();
    }

    @Test
    void homePageBenchServesTheSignedInPageToEachPortalSession() throws Exception {
        DirectoryReadBench.Target[] targets = HomePageBench.prepare(platform, "smoke", 1, 3);
        assertThat(targets[0].readers()).hasSize(3); // teacher, pupil, staff: each signed in to the portal

        AtomicLong errors = new AtomicLong();
        Map<String, AtomicLong> kinds = new ConcurrentHashMap<>();
        URI home = URI.create(platform.server().runtimeBase() + HomePageBench.PATH);
        DirectoryReadBench.Phase phase = DirectoryReadBench.run("smoke", "B", 0, targets, home, 2, 1,
                DirectoryReadBench.client(), errors, kinds);
        assertThat(kinds).isEmpty();
        assertThat(phase.requests()).isPositive();
        for (Reader session : targets[0].readers()) {
            HomePageBench.checkSignedIn(DirectoryReadBench.client(), home, targets[0].host(), (PortalSession) session);
        }
    }

    @Test
    void messagerieBenchListsBothInboxesAndNotifiesTheClass() throws Exception {
        MessagerieBench.Setup setup = MessagerieBench.prepare(platform, "smoke", 12, 30, 3);
        URI inbox = URI.create(platform.server().runtimeBase() + MessagerieBench.INBOX);
        for (PasswordLogin pupil : java.util.List.of(setup.heavy(), setup.light())) {
            AtomicLong errors = new AtomicLong();
            Map<String, AtomicLong> kinds = new ConcurrentHashMap<>();
            DirectoryReadBench.Phase phase = DirectoryReadBench.run("smoke", "A", 0,
                    new DirectoryReadBench.Target[] {new DirectoryReadBench.Target(setup.host(), java.util.List.of(pupil))},
                    inbox, 2, 1, DirectoryReadBench.client(), errors, kinds);
            assertThat(kinds).isEmpty();
            assertThat(phase.requests()).isPositive();
        }
        var heavyPage = fr.ent.platform.local.PlatformClient.json(platform.client().runtime(setup.host(), "GET",
                MessagerieBench.INBOX, null, null, setup.heavy().authorization()));
        assertThat(heavyPage.getJsonArray("items")).hasSize(25);
        assertThat(heavyPage.getBoolean("more")).isTrue();
        MessagerieBench.SendMeasure sent = MessagerieBench.send(platform, setup, "Bonjour la classe");
        assertThat(sent.notified()).isEqualTo(10);
    }

    @Test
    void messagerieTenantsBenchListsEachPersonsInbox() throws Exception {
        DirectoryReadBench.Target[] targets = MessagerieTenantsBench.prepare(platform, "smoke", 2, 3, 4);
        assertThat(targets).hasSize(2);
        assertThat(targets[1].readers()).hasSize(3);
        AtomicLong errors = new AtomicLong();
        Map<String, AtomicLong> kinds = new ConcurrentHashMap<>();
        URI inbox = URI.create(platform.server().runtimeBase() + MessagerieBench.INBOX);
        DirectoryReadBench.Phase phase = DirectoryReadBench.run("smoke", "B", 0, targets, inbox, 2, 1,
                DirectoryReadBench.client(), errors, kinds);
        assertThat(kinds).isEmpty();
        assertThat(phase.requests()).isPositive();
        PasswordLogin someone = (PasswordLogin) targets[1].readers().get(2);
        var page = fr.ent.platform.local.PlatformClient.json(platform.client().runtime(targets[1].host(), "GET",
                MessagerieBench.INBOX, null, null, someone.authorization()));
        assertThat(page.getJsonArray("items")).hasSize(4); // the fixture's messages, in this person's own inbox
    }

    @Test
    void documentsTenantsBenchListsEachPersonsSpace() throws Exception {
        DirectoryReadBench.Target[] targets = DocumentsTenantsBench.prepare(platform, "smoke", 1, i -> 3, 2, 4);
        assertThat(targets[0].readers()).hasSize(3);
        AtomicLong errors = new AtomicLong();
        Map<String, AtomicLong> kinds = new ConcurrentHashMap<>();
        URI space = URI.create(platform.server().runtimeBase() + DocumentsTenantsBench.PATH);
        DirectoryReadBench.Phase phase = DirectoryReadBench.run("smoke", "B", 0, targets, space, 2, 1,
                DirectoryReadBench.client(), errors, kinds);
        assertThat(kinds).isEmpty();
        assertThat(phase.requests()).isPositive();
        PasswordLogin someone = (PasswordLogin) targets[0].readers().get(1);
        var listing = fr.ent.platform.local.PlatformClient.json(platform.client().runtime(targets[0].host(), "GET",
                DocumentsTenantsBench.PATH, null, null, someone.authorization()));
        assertThat(listing.getJsonArray("items")).hasSize(6); // the fixture's 2 folders and 4 files, own space
    }

    /**
     * TimelineBench's set-up, one fan-out under reads and the held deliveries; not its restart 8 days later (a
     * Liberty restart would cost this check half a minute and the other tests their server).
     */
    @Test
    void timelineBenchFansOutAndHoldsDeliveries() throws Exception {
        TimelineFixture.Setup setup = TimelineFixture.prepare(platform, "smoke", 12, 1, 6, 5);
        TimelineBench.FanOutMeasure fanOut = TimelineBench.fanOut(platform, setup, "Bonjour l'école");
        assertThat(fanOut.deliveries()).isEqualTo(12);

        AtomicLong errors = new AtomicLong();
        Map<String, AtomicLong> kinds = new ConcurrentHashMap<>();
        DirectoryReadBench.Phase phase = DirectoryReadBench.run("smoke", "A", 0,
                new DirectoryReadBench.Target[] {setup.readers()},
                URI.create(platform.server().runtimeBase() + TimelineBench.READ_PATH), 2, 1,
                DirectoryReadBench.client(), errors, kinds);
        assertThat(kinds).isEmpty();
        assertThat(phase.requests()).isPositive();
        assertThat(TimelineFixture.hold(platform, setup)).isEqualTo(6);
    }

    /**
     * CollectivityExportBench at a handful of people: the fill, the export, the import under a new slug, the
     * accounts and a first sign-in all succeed, and the copy holds what the source held ({@code measure} checks the
     * row counts and one account per person).
     */
    @Test
    void collectivityExportBenchGoesOutAndComesBack() throws Exception {
        CollectivityExportBench.Filled source = CollectivityExportBench.fill(platform, "xsmoke", "xsmoke.localhost",
                new CollectivityExportBench.Size(20, 40, 3, 1, 20, 1));
        assertThat(source.users()).isEqualTo(20);
        assertThat(source.messages()).isEqualTo(40);
        assertThat(source.files()).isEqualTo(3);
        CollectivityExportBench.Round round = CollectivityExportBench.measure(platform, source, "xsmoke2",
                "xsmoke2.localhost");
        assertThat(round.archiveBytes()).isPositive();
        assertThat(round.accounts()).isEqualTo(20);
        assertThat(round.copied()).containsEntry("message", 40L).containsEntry("version", 3L);
    }

    @Test
    void metricsOverheadBenchReadsSucceed() throws Exception {
        String host = "ovhsmoke.localhost";
        platform.provision("ovh-smoke", host, 10);
        HttpClient http = DirectoryReadBench.client();
        HttpRequest[] requests = MetricsOverheadBench.requests(platform.server(), List.of(host));
        // the runtime learns of a new collectivity within a second
        HttpResponse<String> answer = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            answer = http.send(requests[0], HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }
}
