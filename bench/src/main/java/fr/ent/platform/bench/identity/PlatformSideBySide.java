package fr.ent.platform.bench.identity;

import static fr.ent.platform.bench.Bench.fmt;
import static fr.ent.platform.bench.Bench.say;

import fr.ent.platform.bench.Bench;
import fr.ent.platform.bench.Table;
import fr.ent.platform.tenancy.TenantState;
import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.registry.CollectivityRepository;
import fr.ent.platform.tenants.shards.KeycloakShard;
import fr.ent.platform.tenants.shards.ShardRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;

/**
 * {@link PlatformRealmsBench}'s growth ratio, side by side: the max-th collectivity's REALM step on the full platform
 * against the 11th's on a fresh Keycloak, measured one after the other so that both meet the same load.
 *
 * <p>Platform side: the max-th collectivity's realm is removed and its row marked deleted first, which frees one place
 * (on the last shard opened), so that every pair's new collectivity is placed by the registry where the max-th was,
 * among max - 1 realms, and removed after its step (realm, then row) to free the place again. Small side: a separate
 * Keycloak on the same PostgreSQL holding 10 realms (no registry: the plain REALM step's client), each new realm
 * removed after. The order is swapped at each pair; per step the wall time of ensureRealm, the CPU of the Keycloak JVM
 * that made the realm and of PostgreSQL's processes ({@link ProcessCpu}). Lines in {@code side-by-side.csv}.
 *
 * <p>Afterwards the platform holds max - 1 realms (a later, larger run goes on from there). A run interrupted here
 * leaves pair collectivities behind: the next one removes them first.
 */
final class PlatformSideBySide {

    private static final int SMALL = 10;

    private final Path state;
    private final EmbeddedPostgres postgres;
    private final BenchShards shards;
    private final ShardRegistry registry;
    private final CollectivityRepository collectivities;
    private final int max;
    private final int pairs;
    private final Optional<String> heap;

    PlatformSideBySide(Path state, EmbeddedPostgres postgres, BenchShards shards, ShardRegistry registry,
            CollectivityRepository collectivities, int max, int pairs, Optional<String> heap) {
        this.state = state;
        this.postgres = postgres;
        this.shards = shards;
        this.registry = registry;
        this.collectivities = collectivities;
        this.max = max;
        this.pairs = pairs;
        this.heap = heap;
    }

    Table run() throws Exception {
        freeThePlace();
        BenchKeycloak small = new BenchKeycloak(state.resolve("keycloak-small"), postgres, "keycloak_small", heap,
                Optional.of(shards.home(KeycloakShard.DEFAULT)));
        Path csv = state.resolve("side-by-side.csv");
        Files.writeString(csv, "pair,side,shard,realms_on_shard_before,step_ms,keycloak_cpu_ms,postgres_cpu_ms,load,"
                + "at\n");
        try {
            small.start();
            for (int n = 1; n <= SMALL; n++) {
                small.realms.ensureRealm(BenchKeycloak.collectivity("pss", n));
            }
            say("side by side: collectivity " + max + " of the platform against the " + (SMALL + 1) + "th realm of a"
                    + " Keycloak of " + SMALL + ", " + pairs + " pairs of REALM steps");
            ProcessCpu pg = ProcessCpu.ofPostgres(state.resolve("postgres"));
            long[][] wall = new long[2][pairs];
            long[][] kc = new long[2][pairs];
            long[][] db = new long[2][pairs];
            String run = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36);
            for (int i = 0; i < pairs; i++) {
                for (int k = 0; k < 2; k++) {
                    int which = (i + k) % 2; // 0 platform, 1 small; the first of the pair alternates
                    String line;
                    if (which == 0) {
                        Collectivity c = PlatformRealmsBench.requested(collectivities,
                                String.format("psx%s-%02d", run, i + 1));
                        collectivities.transition(c.id(), EnumSet.of(TenantState.REQUESTED),
                                TenantState.PROVISIONING);
                        KeycloakShard shard = registry.place(c);
                        ProcessCpu jvm = ProcessCpu.of(shards.server(shard.name()).jvm());
                        long kc0 = jvm.millis();
                        long db0 = pg.millis();
                        wall[0][i] = BenchKeycloak.timedStep(shards.realms(), c);
                        kc[0][i] = jvm.millis() - kc0;
                        db[0][i] = pg.millis() - db0;
                        line = shard.name() + "," + shard.realms();
                        remove(c); // back to max - 1, untimed
                    } else {
                        Collectivity c = BenchKeycloak.collectivity("pss", SMALL + 1 + i);
                        ProcessCpu jvm = ProcessCpu.of(small.jvm());
                        long kc0 = jvm.millis();
                        long db0 = pg.millis();
                        wall[1][i] = BenchKeycloak.timedStep(small.realms, c);
                        kc[1][i] = jvm.millis() - kc0;
                        db[1][i] = pg.millis() - db0;
                        line = "small," + SMALL;
                        small.realms.deleteRealm(c);
                    }
                    Files.writeString(csv, (i + 1) + "," + (which == 0 ? "platform" : "small") + "," + line + ","
                            + wall[which][i] + "," + kc[which][i] + "," + db[which][i] + "," + fmt(Bench.load(), 1)
                            + "," + Instant.now() + "\n", StandardOpenOption.APPEND);
                }
            }
            return table(wall, kc, db, csv);
        } finally {
            small.stop();
        }
    }

    /** The max-th collectivity's place freed, and pair collectivities an interrupted run left removed. */
    private void freeThePlace() {
        for (Collectivity c : collectivities.list(EnumSet.complementOf(EnumSet.of(TenantState.DELETED)))) {
            if (c.slug().startsWith("psx") || c.slug().equals(String.format("ps-%04d", max))) {
                remove(c);
                say("side by side: " + c.slug() + " removed (realm and row) to free its place on "
                        + registry.shardOf(c));
            }
        }
    }

    /** As a deletion without retained data does it: the realm on its shard, then the row (which frees the place). */
    private void remove(Collectivity c) {
        shards.realms().deleteRealm(c);
        collectivities.markDeleted(c.id(), false);
    }

    private Table table(long[][] wall, long[][] kc, long[][] db, Path csv) {
        Table t = new Table("side by side, " + pairs + " pairs (medians)", "REALM step", "Keycloak CPU",
                "PostgreSQL CPU");
        t.row("collectivity " + max + " of the platform", fmt(Bench.median(wall[0]), 0) + " ms",
                fmt(Bench.median(kc[0]), 0) + " ms", fmt(Bench.median(db[0]), 0) + " ms");
        t.row("realm " + (SMALL + 1) + " of a fresh Keycloak", fmt(Bench.median(wall[1]), 0) + " ms",
                fmt(Bench.median(kc[1]), 0) + " ms", fmt(Bench.median(db[1]), 0) + " ms");
        t.row("ratio (target <= 1.5)", fmt(Bench.median(wall[0]) / Bench.median(wall[1]), 2) + "x",
                fmt(Bench.median(kc[0]) / Math.max(1, Bench.median(kc[1])), 2) + "x",
                fmt(Bench.median(db[0]) / Math.max(1, Bench.median(db[1])), 2) + "x");
        say("side by side: lines in " + csv);
        return t;
    }
}
