package fr.ent.platform.bench.france;

import static fr.ent.platform.bench.Bench.fmt;
import static fr.ent.platform.bench.Bench.say;

import fr.ent.platform.bench.Bench;
import fr.ent.platform.bench.BenchPlatform;
import fr.ent.platform.bench.DirectoryReadBench;
import fr.ent.platform.bench.DirectoryReadBench.Target;
import fr.ent.platform.local.PlatformClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Issue 19's "directory reads after that import": {@link DirectoryReadBench} (its parameters, its A/B rounds and its
 * verdicts) on directories of the seed's size. Once each collectivity's readers are signed in, its directory gets
 * the people of one collectivity of the generated France (about 10,000 with the whole France,
 * {@code bench.france.divisor} for 1/N of it), imported with the platform's BE1D and AAF code straight into its
 * schema ({@link FranceDirectories}).
 * <p>The generated collectivities differ in size. A listing's cost grew with the directory while its total was
 * counted exactly ({@code count=exact}, compared side by side with {@code -Dbench.variants=path:…}); the default
 * count stops 1,000 matches past the page (ADR 0059). A's collectivity is the one whose size (its exact total through
 * the API, read once for every collectivity) is closest to the mean. Even so, B's tail is that of the largest
 * directories (the generated France has collectivities of a few hundred to 160,000 people): with
 * {@code -Dbench.france.band=P}, B reads only the collectivities within P % of A's size (all 1,000 being imported
 * all the same), which leaves spreading as the one difference between A and B.
 */
public final class FranceReadBench implements DirectoryReadBench.Fill {

    private FranceReadBench() {
    }

    public static void main(String[] args) throws Exception {
        DirectoryReadBench.benchmark(new FranceReadBench());
    }

    /** {@code bench.france.band}: B over the collectivities within this % of A's size; 0, every one. */
    private static final int BAND = Bench.intProperty("bench.france.band", 0);

    @Override
    public String description() {
        return "each directory filled with its collectivity of the generated France (bench.france.divisor "
                + Bench.intProperty("bench.france.divisor", 1) + ")" + (BAND > 0 ? "; B over the collectivities"
                        + " within " + BAND + " % of A's size" : "");
    }

    @Override
    public Target[] fill(BenchPlatform platform, Target[] targets, int users) throws Exception {
        List<String> slugs = new ArrayList<>();
        for (int i = 1; i <= targets.length; i++) {
            slugs.add("dir-" + i);
        }
        FranceDirectories.Imported imported = FranceDirectories.pour(platform.dataSource(), slugs,
                Bench.targetDirectory().resolve("france-reads"));
        long[] totals = new long[targets.length];
        for (int i = 0; i < targets.length; i++) {
            HttpResponse<String> r = platform.client().get(targets[i].host(), DirectoryReadBench.PATH + "&count=exact");
            if (r.statusCode() != 200) {
                throw new IllegalStateException(targets[i].host() + ": " + r.statusCode() + " " + r.body());
            }
            totals[i] = PlatformClient.json(r).getJsonNumber("total").longValue();
            if (totals[i] <= users) {
                throw new IllegalStateException("the France import did not reach " + targets[i].host() + ": "
                        + totals[i] + " people");
            }
        }
        double mean = Arrays.stream(totals).average().orElseThrow();
        int typical = 0;
        for (int i = 1; i < totals.length; i++) {
            if (Math.abs(totals[i] - mean) < Math.abs(totals[typical] - mean)) {
                typical = i;
            }
        }
        say("  France poured into " + targets.length + " directories in " + fmt(imported.seconds(), 0) + " s ("
                + imported.generated() + "; " + imported.rejected() + " rejected); directories of "
                + Arrays.stream(totals).min().orElseThrow() + " to " + Arrays.stream(totals).max().orElseThrow()
                + " people, mean " + fmt(mean, 0) + "; A reads " + targets[typical].host() + " (" + totals[typical]
                + " people)");
        if (imported.rejected() > 0) {
            throw new IllegalStateException(imported.rejected() + " records rejected by the France import");
        }
        List<Target> ordered = new ArrayList<>(List.of(targets[typical]));
        for (int i = 0; i < targets.length; i++) {
            if (i != typical && (BAND <= 0 || Math.abs(totals[i] - totals[typical]) * 100 <= BAND * totals[typical])) {
                ordered.add(targets[i]);
            }
        }
        if (BAND > 0) {
            say("  B reads the " + ordered.size() + " collectivities within " + BAND + " % of A's size");
        }
        return ordered.toArray(Target[]::new);
    }
}
