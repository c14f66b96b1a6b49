package fr.ent.platform.bench.france;

import static fr.ent.platform.bench.Bench.say;

import fr.ent.platform.apps.directory.aaf.AafImportReport;
import fr.ent.platform.apps.directory.be1d.ImportReport;
import fr.ent.platform.bench.Bench;
import fr.ent.platform.bench.ConnectionPool;
import fr.ent.platform.bench.france.FrancePlan.Collectivity;
import fr.ent.platform.tenancy.Slug;
import fr.ent.platform.tenancy.TenantNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * A generated France poured into collectivities a running platform already provisioned (their realms, schemas and
 * readers made through its API): the plan's collectivity i's écoles (BE1D) and collèges and lycées (AAF) go into the
 * i-th given slug's schema, with the platform's own import code ({@link FranceImport}), two collectivities at a time.
 * So a read benchmark measures its requests on directories of the seed's size (issue 19's "directory reads after
 * that import") rather than on a few seeded people. No accounts are made: the readers already have theirs.
 */
public final class FranceDirectories {

    private FranceDirectories() {
    }

    /** What was generated and poured, the records the imports rejected, and the time it all took. */
    public record Imported(String generated, long rejected, double seconds) {
    }

    /**
     * Generates the first {@code slugs.size()} collectivities of the France of {@code bench.france.divisor} (the
     * seed's whole France by default) under {@code root}, then imports them into {@code slugs}, in order; the files
     * are deleted afterwards. {@code superuser}: the platform database as its superuser (the import sets each unit's role).
     */
    public static Imported pour(DataSource superuser, List<String> slugs, Path root) throws Exception {
        FrancePlan plan = FrancePlan.of(FranceGenerator.shape());
        if (plan.collectivities().size() < slugs.size()) {
            throw new IllegalArgumentException("the France of this divisor has " + plan.collectivities().size()
                    + " collectivities, fewer than the " + slugs.size() + " to fill: lower bench.france.divisor");
        }
        long t0 = System.nanoTime();
        Bench.deleteTree(root);
        Path files = Files.createDirectories(root);
        // only the collectivities poured: a run on fewer than the plan's writes no file it would not read
        FranceGenerator.Totals totals = new FranceGenerator.Totals();
        for (Collectivity c : plan.collectivities().subList(0, slugs.size())) {
            FranceGenerator.write(plan, c, files.resolve(c.slug()), totals);
        }
        say("  France generated: " + totals + " (" + (System.nanoTime() - t0) / 1_000_000_000L + " s)");
        AtomicLong rejected = new AtomicLong();
        AtomicInteger done = new AtomicInteger();
        try (ConnectionPool pool = new ConnectionPool(superuser); FranceImport importer = new FranceImport(pool)) {
            List<Integer> indexes = java.util.stream.IntStream.range(0, slugs.size()).boxed().toList();
            FranceImportBench.each(indexes, 2, i -> {
                Collectivity c = plan.collectivities().get(i);
                TenantNames names = TenantNames.of(Slug.of(slugs.get(i)));
                Path dir = files.resolve(c.slug());
                for (ImportReport r : importer.be1d(c, names, dir)) {
                    rejected.addAndGet(r.rejected().size());
                }
                Optional<AafImportReport> aaf = importer.aaf(c, names, dir);
                aaf.ifPresent(r -> rejected.addAndGet(r.rejected()));
                int n = done.incrementAndGet();
                if (n % 50 == 0 || n == slugs.size()) {
                    say(String.format(Locale.ROOT, "  France imported into %d/%d collectivities (%.0f s)", n,
                            slugs.size(), (System.nanoTime() - t0) / 1e9));
                }
            });
        } finally {
            Bench.deleteTree(root);
        }
        return new Imported(totals.toString(), rejected.get(), (System.nanoTime() - t0) / 1e9);
    }
}
