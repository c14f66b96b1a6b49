package fr.ent.platform.bench.identity;

import static fr.ent.platform.bench.Bench.fmt;
import static fr.ent.platform.bench.Bench.say;

import fr.ent.platform.bench.Bench;
import fr.ent.platform.bench.Table;
import fr.ent.platform.bench.ConnectionPool;
import fr.ent.platform.keycloak.local.LocalKeycloak;
import fr.ent.platform.tenancy.TenantState;
import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.registry.CollectivityRepository;
import fr.ent.platform.tenants.registry.NewCollectivity;
import fr.ent.platform.tenants.registry.PlatformSchema;
import fr.ent.platform.tenants.shards.KeycloakShard;
import fr.ent.platform.tenants.shards.ShardRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The REALM step as the platform grows (issue 19: "the 1,000th collectivity's realm step within 1.5 times the
 * 10th's"), with realms spread over Keycloak shards of {@code bench.ps.capacity} realms (default 50, ADR 0044), where
 * {@link RealmCapacityBench} fills one server. One PostgreSQL (zonky) holds the platform schema, made by
 * tenant-manager's own migrations ({@link PlatformSchema}), and one database per shard; the shards are real Keycloak
 * servers in tenant-manager's {@link ShardRegistry}, a new one opened only when every open shard is full
 * ({@link BenchShards}). For each new collectivity k = 1..max of {@code bench.ps.sizes}: its registry row
 * ({@link CollectivityRepository#insert}, as tenant-manager records a request), then the REALM step as the
 * provisioner runs it: {@link ShardRegistry#place} (least-filled placement), then {@code KeycloakRealms.ensureRealm}
 * through the sharded admin client; one line per realm in {@code steps.csv}.
 *
 * <p>At each size: the median of the last 10 steps, the shards open, the total RSS of the Keycloak JVMs. Then side by
 * side ({@code bench.ps.pairs}, default 10): one REALM step placed by the registry on the full platform (the max-th
 * collectivity's place freed for it) and one on a separate Keycloak holding 10 realms, in turn, with the CPU of the
 * Keycloak that made the realm and of PostgreSQL: the ratio that holds on a shared machine.
 *
 * <p>Resumable as {@link RealmCapacityBench} is: PostgreSQL's data and the Keycloak homes stay in
 * {@code target/platform-realms}; a new run starts every registered shard again and goes on from the last realm in
 * {@code steps.csv}, skipping the sizes already in {@code sizes.csv}. {@code -Dbench.ps.fresh=true} starts over.
 */
public final class PlatformRealmsBench {

    private static final int STEP_WINDOW = 10;
    private static final String SIZES_HEADER = "collectivities,step_median_ms,shards_open,keycloak_rss_mb,load,at\n";

    private PlatformRealmsBench() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("bench.ps.sizes", "10,100,300,1000").split(","))
                .map(String::trim).mapToInt(Integer::parseInt).sorted().toArray();
        int capacity = Integer.getInteger("bench.ps.capacity", 50);
        int pairs = Integer.getInteger("bench.ps.pairs", 10);
        // kc.sh's own default outside a container, said aloud: 20 servers at 1,000 realms, each heap bounded
        String heap = System.getProperty("bench.ps.heap", "-Xms64m -Xmx512m");
        String base = System.getProperty("bench.keycloak.base", "");
        Optional<Path> builtHome = base.isBlank() || base.startsWith("${") ? Optional.empty()
                : Optional.of(Path.of(base));
        ResumableState resumable = ResumableState.open("platform-realms", "bench.ps.fresh",
                "k,shard,realms_on_shard_before,place_ms,step_ms,load,at\n", SIZES_HEADER);
        Path state = resumable.directory;
        Path steps = resumable.steps;
        Path sizesCsv = resumable.sizes;
        say("PlatformRealmsBench: sizes " + Arrays.toString(sizes) + ", " + capacity + " realms per shard, heap '"
                + heap + "', state in " + state + "; " + Bench.machineLine());
        // tenant-manager's connections are pooled (Liberty's pool): unpooled, each registry call of the sharded admin
        // client (one per admin call, to route it) would fork a PostgreSQL backend, which the platform never pays
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(state.resolve("postgres"))
                .setCleanDataDirectory(false).start();
                ConnectionPool platform = new ConnectionPool(platformDatabase(postgres))) {
            say("platform schema at version " + PlatformSchema.migrate(platform));
            ShardRegistry registry = new ShardRegistry(platform);
            CollectivityRepository collectivities = new CollectivityRepository(platform);
            BenchShards shards = new BenchShards(state, postgres, registry, capacity, Optional.of(heap), builtHome);
            Table table = new Table("collectivities", "REALM step, median of last 10", "shards open",
                    "Keycloak RSS, total", "load(1m)");
            try {
                shards.startRegistered();
                int made = resumable.made();
                say("collectivities already made: " + made + ", shards: " + registry.list().size());
                for (int size : sizes) {
                    if (!resumable.measured(size)) {
                        while (made < size) {
                            made++;
                            step(shards, registry, collectivities, made, steps);
                        }
                        String line = size + "," + fmt(resumable.lastStepsMedian(4, STEP_WINDOW), 0) + ","
                                + shards.open() + "," + shards.totalRssMb() + "," + fmt(Bench.load(), 1) + ","
                                + Instant.now() + "\n";
                        Files.writeString(sizesCsv, line, StandardOpenOption.APPEND);
                        say("size " + size + ": " + SIZES_HEADER.strip() + "\n    " + line.strip());
                    } else {
                        say("size " + size + " already measured (sizes.csv): skipped");
                        made = Math.max(made, size);
                    }
                }
                for (String l : Files.readAllLines(sizesCsv).subList(1, Files.readAllLines(sizesCsv).size())) {
                    String[] f = l.split(",");
                    table.row(f[0], f[1] + " ms", f[2], f[3] + " MB", f[4]);
                }
                Table sideBySide = pairs > 0
                        ? new PlatformSideBySide(state, postgres, shards, registry, collectivities, made, pairs,
                                Optional.of(heap)).run()
                        : null;
                report(capacity, table, sideBySide);
            } finally {
                shards.stopAll();
            }
        }
    }

    /**
     * Collectivity k: its row (or the one an interrupted run left), then the REALM step as the provisioner makes it,
     * a shard opened first if every open one is full (the operator's part). The step's time is ensureRealm's; the
     * placement's (a registry transaction) is apart.
     */
    private static void step(BenchShards shards, ShardRegistry registry, CollectivityRepository collectivities, int k,
            Path steps) throws Exception {
        shards.openIfAllFull();
        Collectivity c = requested(collectivities, String.format("ps-%04d", k));
        collectivities.transition(c.id(), EnumSet.of(TenantState.REQUESTED), TenantState.PROVISIONING);
        long p0 = System.nanoTime();
        KeycloakShard shard = registry.place(c);
        long placeMs = (System.nanoTime() - p0) / 1_000_000;
        long ms = BenchKeycloak.timedStep(shards.realms(), c);
        collectivities.markActive(c.id());
        Files.writeString(steps, k + "," + shard.name() + "," + shard.realms() + "," + placeMs + "," + ms + ","
                + fmt(Bench.load(), 1) + "," + Instant.now() + "\n", StandardOpenOption.APPEND);
        if (k % 10 == 0 || k == 1 || shard.realms() == 0) {
            say("collectivity " + k + " on " + shard.name() + " (" + shard.realms() + " realms there before): REALM "
                    + "step " + ms + " ms, placement " + placeMs + " ms, load " + fmt(Bench.load(), 1));
        }
    }

    /** The collectivity's row as tenant-manager records a request (REQUESTED, domains, pending steps). */
    static Collectivity requested(CollectivityRepository collectivities, String slug) {
        return collectivities.find(slug).orElseGet(() -> collectivities.insert(NewCollectivity.of(slug, "COMMUNE",
                "Plateforme " + slug, List.of(slug + ".localhost"))));
    }

    /** The platform's own database on the zonky server ({@code platform}), made once. */
    private static DataSource platformDatabase(EmbeddedPostgres postgres) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            boolean exists;
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'platform'")) {
                exists = rs.next();
            }
            if (!exists) {
                st.execute("CREATE DATABASE platform");
            }
        }
        return postgres.getDatabase("postgres", "platform");
    }

    private static void report(int capacity, Table sizes, Table sideBySide) {
        String md = "## PlatformRealmsBench (Keycloak " + LocalKeycloak.version() + " on PostgreSQL, " + capacity
                + " realms per shard; " + Bench.machineLine() + ")\n\n" + sizes.markdown()
                + (sideBySide == null ? "" : "\n" + sideBySide.markdown());
        say("\n" + sizes.text() + (sideBySide == null ? "" : "\n" + sideBySide.text()));
        Bench.writeResults("platform-realms", Bench.object().add("benchmark", "PlatformRealmsBench")
                .add("capacity", capacity).add("machine", Bench.machine()).build(), md);
    }
}
