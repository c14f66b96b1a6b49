package fr.ent.platform.bench.france;

import fr.ent.platform.bench.aaf.AafGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Who is where in a generated France: the collectivities, their schools (primary in BE1D, secondary in the AAF) and
 * each school's number of pupils and teachers. Deterministic from the seed; a few kB per school, never people (the
 * generator derives those from a school's numbers and the seed as it writes them).
 *
 * <p>The split follows France's shape (DEPP, Repères et références statistiques): about 81 % of schools are écoles
 * and they hold about 53 % of the pupils; a third of the secondary schools are lycées, bigger than collèges.
 * School and collectivity sizes are log-normal (many small, a few big); teachers go to schools in proportion to their
 * pupils (the seed's France: 4 M pupils for 330,000 teachers, about 12 pupils per teacher).
 */
public record FrancePlan(Shape shape, List<Collectivity> collectivities) {

    static final double PRIMARY_SCHOOLS = 0.81;
    static final double PRIMARY_PUPILS = 0.53;
    static final double LYCEES = 0.35;

    /** What to generate. The seed's France: {@link #FRANCE}. */
    public record Shape(int collectivities, int schools, long pupils, long teachers, long seed) {

        public static final Shape FRANCE = new Shape(1_000, 19_000, 4_000_000, 330_000, 19);

        public Shape {
            if (collectivities < 1 || schools < collectivities || pupils < schools || teachers < schools) {
                throw new IllegalArgumentException("need 1 <= collectivities <= schools <= pupils, teachers: " + this);
            }
        }

        /** The seed's France divided by {@code divisor} (10: 100 collectivities, 1,900 schools, 430,000 accounts). */
        public static Shape franceOver(int divisor, long seed) {
            return new Shape(Math.max(1, FRANCE.collectivities / divisor), FRANCE.schools / divisor,
                    FRANCE.pupils / divisor, FRANCE.teachers / divisor, seed);
        }
    }

    public enum Kind {
        ECOLE("ECOLE ELEMENTAIRE PUBLIQUE"), COLLEGE("COLLEGE"), LYCEE("LYCEE GENERAL ET TECHNOLOGIQUE");

        /** The AAF's ENTStructureTypeStruct of this kind. */
        public final String aafType;

        Kind(String aafType) {
            this.aafType = aafType;
        }

        public boolean primary() {
            return this == ECOLE;
        }
    }

    /** {@code index}: unique in the plan; {@code key}: the AAF structure key (secondary), unique too. */
    public record School(int index, Kind kind, String uai, String key, String name, int pupils, int teachers) {
    }

    public record Collectivity(int index, String slug, List<School> schools) {

        public boolean hasSecondary() {
            return schools.stream().anyMatch(s -> !s.kind().primary());
        }
    }

    public static FrancePlan of(Shape shape) {
        SplittableRandom random = new SplittableRandom(shape.seed());
        int n = shape.schools();
        int primary = n == 1 ? 1 : (int) Math.min(n - 1, Math.max(1, Math.round(n * PRIMARY_SCHOOLS)));
        int secondary = n - primary;
        int lycees = (int) Math.round(secondary * LYCEES);
        Kind[] kinds = new Kind[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            kinds[i] = i < primary ? Kind.ECOLE : i < primary + lycees ? Kind.LYCEE : Kind.COLLEGE;
            // log-normal sizes; a lycée is about 1.6 collèges
            weights[i] = Math.exp(0.5 * random.nextGaussian()) * (kinds[i] == Kind.LYCEE ? 1.6 : 1);
        }
        long primaryPupils = secondary == 0 ? shape.pupils() : Math.round(shape.pupils() * PRIMARY_PUPILS);
        long[] pupils = new long[n];
        long[] p1 = apportion(primaryPupils, slice(weights, 0, primary), 1);
        long[] p2 = apportion(shape.pupils() - primaryPupils, slice(weights, primary, n), 1);
        System.arraycopy(p1, 0, pupils, 0, primary);
        System.arraycopy(p2, 0, pupils, primary, secondary);
        double[] byPupils = new double[n];
        for (int i = 0; i < n; i++) {
            byPupils[i] = pupils[i];
        }
        long[] teachers = apportion(shape.teachers(), byPupils, 1);
        // schools in a seeded order, cut into collectivities of log-normal sizes (each at least one school)
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        double[] sizes = new double[shape.collectivities()];
        for (int c = 0; c < sizes.length; c++) {
            sizes[c] = Math.exp(random.nextGaussian());
        }
        long[] counts = apportion(n, sizes, 1);
        List<Collectivity> collectivities = new ArrayList<>();
        int next = 0;
        int secondaryIndex = 0;
        int[] keys = new int[n];
        for (int i = primary; i < n; i++) {
            keys[i] = secondaryIndex++;
        }
        for (int c = 0; c < counts.length; c++) {
            List<School> schools = new ArrayList<>();
            for (int k = 0; k < counts[c]; k++) {
                int i = order[next++];
                String name = switch (kinds[i]) {
                    case ECOLE -> "ECOLE ELEMENTAIRE " + i;
                    case COLLEGE -> "COLLEGE " + i;
                    case LYCEE -> "LYCEE " + i;
                };
                schools.add(new School(i, kinds[i], AafGenerator.uai(1_000_000 + i),
                        kinds[i].primary() ? null : String.valueOf(1_000_000 + keys[i]), name,
                        Math.toIntExact(pupils[i]), Math.toIntExact(teachers[i])));
            }
            schools.sort(java.util.Comparator.comparingInt(School::index));
            collectivities.add(new Collectivity(c, String.format("france-%04d", c + 1), List.copyOf(schools)));
        }
        return new FrancePlan(shape, List.copyOf(collectivities));
    }

    /** {@code total} shared by {@code weights}, each at least {@code min} (largest remainders): sums to total. */
    static long[] apportion(long total, double[] weights, long min) {
        int n = weights.length;
        long[] out = new long[n];
        if (n == 0) {
            return out;
        }
        if (total < min * n) {
            min = 0;
        }
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        long rest = total - min * n;
        long given = 0;
        double[] remainders = new double[n];
        for (int i = 0; i < n; i++) {
            double exact = rest * weights[i] / sum;
            out[i] = min + (long) Math.floor(exact);
            remainders[i] = exact - Math.floor(exact);
            given += out[i];
        }
        Integer[] byRemainder = new Integer[n];
        for (int i = 0; i < n; i++) {
            byRemainder[i] = i;
        }
        java.util.Arrays.sort(byRemainder, (a, b) -> Double.compare(remainders[b], remainders[a]));
        for (int k = 0; given < total; k = (k + 1) % n) {
            out[byRemainder[k]]++;
            given++;
        }
        return out;
    }

    private static double[] slice(double[] a, int from, int to) {
        return java.util.Arrays.copyOfRange(a, from, to);
    }

    public long schools(Kind kind) {
        return collectivities.stream().flatMap(c -> c.schools().stream()).filter(s -> s.kind() == kind).count();
    }

    public long pupils(boolean primary) {
        return collectivities.stream().flatMap(c -> c.schools().stream()).filter(s -> s.kind().primary() == primary)
                .mapToLong(School::pupils).sum();
    }
}
