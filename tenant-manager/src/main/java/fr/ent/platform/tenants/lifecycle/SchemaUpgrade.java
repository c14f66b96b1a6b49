package fr.ent.platform.tenants.lifecycle;

import fr.ent.platform.tenancy.AppSchemas;
import fr.ent.platform.tenants.provisioning.TenantDatabase;
import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.registry.CollectivityRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * Brings every collectivity schema to the version this build serves, at most {@code parallelism} at a time,
 * logging progress and recording each schema's version. A schema whose migration fails keeps its old version
 * and gets its error recorded; the runtime then answers 503 for that collectivity instead of serving it on a
 * schema it does not expect.
 */
public class SchemaUpgrade {

    private static final Logger LOG = Logger.getLogger(SchemaUpgrade.class.getName());

    private final CollectivityRepository registry;
    private final TenantDatabase database;
    private final int parallelism;
    private final AtomicReference<Progress> last;

    /**
     * Where the last (or running) upgrade stands. {@code targetApps}: each app's target version (the same as
     * {@code targetVersion}, read apart).
     */
    public record Progress(String targetVersion, Map<String, String> targetApps, int total, int migrated,
            Map<String, String> failed, boolean running) {

        Progress(String targetVersion, int total, int migrated, Map<String, String> failed, boolean running) {
            this(targetVersion, AppSchemas.parse(targetVersion).versions(), total, migrated, failed, running);
        }

        static Progress idle(String target) {
            return new Progress(target, 0, 0, Map.of(), false);
        }
    }

    public SchemaUpgrade(CollectivityRepository registry, TenantDatabase database, int parallelism) {
        this.registry = registry;
        this.database = database;
        this.parallelism = Math.max(1, parallelism);
        this.last = new AtomicReference<>(Progress.idle(database.targetVersion()));
    }

    public Progress progress() {
        return last.get();
    }

    /** Migrates all schemas that are behind; returns the final progress. */
    public Progress run() throws InterruptedException {
        String target = database.targetVersion();
        List<Collectivity> behind = registry.schemasBehind(target);
        int total = behind.size();
        AtomicInteger migrated = new AtomicInteger();
        Map<String, String> failed = new ConcurrentHashMap<>();
        last.set(new Progress(target, total, 0, Map.of(), true));
        if (total == 0) {
            last.set(new Progress(target, 0, 0, Map.of(), false));
            return last.get();
        }
        LOG.info(() -> "Schema upgrade to version " + target + ": " + total + " collectivities, " + parallelism
                + " at a time");
        int step = Math.max(1, total / 10);
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, Thread.ofPlatform().name("schema-upgrade-", 0).factory());
        try {
            List<Future<?>> work = new ArrayList<>();
            for (Collectivity c : behind) {
                work.add(pool.submit(() -> {
                    try {
                        registry.recordSchemaVersion(c.id(), database.migrate(c.names()));
                        int done = migrated.incrementAndGet();
                        if (done % step == 0 || done == total) {
                            LOG.info(() -> "Schema upgrade: " + done + "/" + total + " migrated, " + failed.size()
                                    + " failed");
                        }
                    } catch (RuntimeException e) {
                        failed.put(c.slug(), e.getMessage());
                        registry.recordSchemaError(c.id(), e.getMessage());
                        LOG.warning(() -> "tenant=" + c.slug() + " schema migration failed: " + e.getMessage());
                    }
                    last.set(new Progress(target, total, migrated.get(), Map.copyOf(failed), true));
                }));
            }
            for (Future<?> f : work) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdown();
        }
        Progress result = new Progress(target, total, migrated.get(), Map.copyOf(failed), false);
        last.set(result);
        LOG.info(() -> "Schema upgrade finished: " + result.migrated() + "/" + total + " migrated, "
                + result.failed().size() + " failed " + result.failed().keySet());
        return result;
    }
}
