package fr.ent.platform.bench.france;

import static fr.ent.platform.bench.Bench.say;

import fr.ent.platform.bench.Bench;
import fr.ent.platform.bench.aaf.AafGenerator;
import fr.ent.platform.bench.france.FrancePlan.Collectivity;
import fr.ent.platform.bench.france.FrancePlan.Kind;
import fr.ent.platform.bench.france.FrancePlan.School;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a generated France (docs/france-generator.md): for each collectivity of a {@link FrancePlan}, a directory
 * {@code <slug>/} with
 * <ul>
 * <li>{@code be1d/<UAI>/CSVExtraction-{eleves,enseignants,responsables}.csv}: each école's BE1D export, in
 * ISO-8859-1 with the real export's columns (PS to CM2, classes of about 24, two teachers per class on average, the
 * first one the director; one line per parent naming up to three children);</li>
 * <li>{@code aaf/ENTBENCH_Complet_20260901_*_0000.xml}: the collectivity's secondary schools as one AAF complete
 * export (collèges 6e-3e, lycées 2nde-Tle, classes of about 27 with two LV2 groups each, eight subjects taught by the
 * school's teachers, a head of school; parents in PersRelEleve linked from their children).</li>
 * </ul>
 * Streamed: a school's people at a time (derived from the seed, {@link People}), written as they come. Parents are
 * counted as the feeds carry them: one record per parent of a family (one or two), a family having one to three
 * children in the same school; the same person with children in an école and a collège appears in both feeds, as
 * two people (the feeds share no identifier).
 */
public final class FranceGenerator {

    static final String[] PRIMARY_LEVELS = {"PS", "MS", "GS", "CP", "CE1", "CE2", "CM1", "CM2"};
    private static final String[] PRIMARY_CYCLES = {"CYCLE I", "CYCLE I", "CYCLE I", "CYCLE II", "CYCLE II",
        "CYCLE II", "CYCLE III", "CYCLE III"};
    private static final int[] PRIMARY_BIRTHS = {2023, 2022, 2021, 2020, 2019, 2018, 2017, 2016};
    private static final String[] COLLEGE_LEVELS = {"6EME", "5EME", "4EME", "3EME"};
    private static final String[] COLLEGE_PREFIX = {"6", "5", "4", "3"};
    private static final String[] COLLEGE_MEF = {"10010012110", "10110001110", "10210001110", "10310019110"};
    private static final int[] COLLEGE_BIRTHS = {2015, 2014, 2013, 2012};
    private static final String[] LYCEE_LEVELS = {"2NDE GENERALE ET TECHNO", "1ERE GENERALE", "TERMINALE GENERALE"};
    private static final String[] LYCEE_PREFIX = {"2-", "1-", "T-"};
    private static final String[] LYCEE_MEF = {"20010018110", "20111000110", "20211000110"};
    private static final int[] LYCEE_BIRTHS = {2011, 2010, 2009};
    /** Code, label, function discipline: the subjects every class has; the last one is taught in LV2 groups. */
    private static final String[][] SUBJECTS = {{"020700", "FRANCAIS", "L0202$LETTRES MODERNES"},
        {"061300", "MATHEMATIQUES", "L1300$MATHEMATIQUES"}, {"040000", "HISTOIRE-GEOGRAPHIE", "L1000$HIST. GEO."},
        {"030201", "ANGLAIS LV1", "L0422$ANGLAIS"}, {"062900", "SCIENCES VIE ET TERRE", "L1600$SVT"},
        {"061800", "PHYSIQUE-CHIMIE", "L1500$PHYS.CHIM."}, {"100100", "EDUCATION PHYSIQUE ET SPORT.", "L1900$EPS"},
        {"030602", "ESPAGNOL LV2", "L0426$ESPAGNOL"}};
    private static final String[] GROUPS = {"ESP", "ALL"};
    private static final String[] ELEVES = {"Nom Elève", "Nom d'usage Elève", "Prénom Elève", "Date naissance",
        "Sexe", "Adresse1", "Cp1", "Commune1", "Pays1", "Adresse2", "Cp2", "Commune2", "Pays2", " Cycle", "Niveau",
        "Classe", "Attestation fournie", "Autorisations associations", "Autorisations photos",
        "Décision de passage"};
    private static final String[] ENSEIGNANTS = {"Civilité", "Nom usage", "Nom", "Prénom", "Adresse", "CP",
        "Commune", "Pays", "Courriel", "Téléphone domicile", "Téléphone portable", "Directeur", "Classe"};
    private static final String[] RESPONSABLES = {"Civilité Responsable", "Nom usage responsable", "Nom responsable",
        "Prénom responsable", "Adresse responsable", "CP responsable", "Commune responsable", "Pays", "Courriel",
        "Téléphone domicile", "Téléphone travail", "Téléphone portable", "Nom d'usage enfant", "Nom de famille enfant",
        "Prénom enfant", "Classes enfants", "Nom d'usage enfant", "Nom de famille enfant", "Prénom enfant",
        "Classes enfants", "Nom d'usage enfant", "Nom de famille enfant", "Prénom enfant", "Classes enfants"};

    /** What was written, counted as the importers will count it. */
    public static final class Totals {
        public long pupils;
        public long parents;
        public long teachers;
        public long heads;
        public long classes;
        public long bytes;
        public long files;
        public final Map<String, long[]> byFeed = new LinkedHashMap<>();

        void add(String feed, long pupils, long parents, long staff) {
            long[] t = byFeed.computeIfAbsent(feed, k -> new long[3]);
            t[0] += pupils;
            t[1] += parents;
            t[2] += staff;
        }

        public long people() {
            return pupils + parents + teachers + heads;
        }

        @Override
        public String toString() {
            return String.format("%,d pupils, %,d parents, %,d teachers, %,d heads of school (%,d people), %,d classes;"
                    + " %,d files, %,d MB", pupils, parents, teachers, heads, people(), classes, files,
                    bytes / (1024 * 1024));
        }
    }

    private FranceGenerator() {
    }

    /** Writes every collectivity of the plan under {@code dir}. */
    public static Totals write(FrancePlan plan, Path dir) throws IOException {
        Totals totals = new Totals();
        for (Collectivity c : plan.collectivities()) {
            write(plan, c, dir.resolve(c.slug()), totals);
        }
        return totals;
    }

    /** The collectivity's BE1D exports and AAF export in {@code dir}. */
    public static void write(FrancePlan plan, Collectivity c, Path dir, Totals totals) throws IOException {
        long seed = plan.shape().seed();
        String city = "VILLE " + (c.index() + 1);
        for (School s : c.schools()) {
            if (s.kind().primary()) {
                Path school = Files.createDirectories(dir.resolve("be1d").resolve(s.uai()));
                be1d(s, new People(s, seed, PRIMARY_LEVELS, PRIMARY_LEVELS, PRIMARY_BIRTHS, 24,
                        postalCode(c, s), city), school, totals);
            }
        }
        if (c.hasSecondary()) {
            Path aaf = Files.createDirectories(dir.resolve("aaf"));
            try (AafGenerator.Feed feed = AafGenerator.Feed.open(aaf, "ENTBENCH")) {
                for (String[] subject : SUBJECTS) {
                    feed.subject(subject[0], subject[1]);
                }
                for (int l = 0; l < COLLEGE_LEVELS.length; l++) {
                    feed.mef(COLLEGE_MEF[l], COLLEGE_LEVELS[l]);
                }
                for (int l = 0; l < LYCEE_LEVELS.length; l++) {
                    feed.mef(LYCEE_MEF[l], LYCEE_LEVELS[l]);
                }
                for (School s : c.schools()) {
                    if (!s.kind().primary()) {
                        aaf(feed, s, seed, postalCode(c, s), city, totals);
                    }
                }
                feed.close();
                totals.bytes += feed.written();
                totals.files += feed.files().size();
            }
        }
    }

    private static String postalCode(Collectivity c, School s) {
        return String.format("%02d%03d", c.index() % 95 + 1, s.index() % 100 * 10);
    }

    // ---- BE1D (écoles)

    private static void be1d(School s, People people, Path dir, Totals totals) throws IOException {
        try (Csv w = new Csv(dir.resolve("CSVExtraction-eleves.csv"), totals)) {
            w.row(ELEVES);
            for (People.Pupil p : people.pupils) {
                People.SchoolClass c = people.classes.get(p.classIndex());
                w.row(p.lastName().toUpperCase(), "", p.firstName(), p.birth().toString(), p.girl() ? "F" : "M", "",
                        "", "", "", "", "", "", "", PRIMARY_CYCLES[c.level()], PRIMARY_LEVELS[c.level()], c.name(),
                        "Oui", "Non", "Oui", "");
            }
        }
        int classes = people.classes.size();
        try (Csv w = new Csv(dir.resolve("CSVExtraction-enseignants.csv"), totals)) {
            w.row(ENSEIGNANTS);
            // one line per class taught: a class may have two teachers, a teacher two classes in a small school
            int t = s.teachers();
            for (int j = 0; j < t; j++) {
                String[] names = people.teacher(j);
                for (int c = 0; c < classes; c++) {
                    if (t >= classes ? c == j % classes : c % t == j) {
                        w.row(names[2], "", names[0].toUpperCase(), names[1], "", "", "", "", "", "", "",
                                j == 0 ? "oui" : "non", people.classes.get(c).name());
                    }
                }
            }
        }
        try (Csv w = new Csv(dir.resolve("CSVExtraction-responsables.csv"), totals)) {
            w.row(RESPONSABLES);
            for (People.Family f : people.families) {
                for (People.Parent parent : f.parents()) {
                    List<String> cells = new ArrayList<>(List.of(parent.title(), "", f.lastName().toUpperCase(),
                            parent.firstName(), f.address(), f.postalCode(), f.city(), "", "", "", "", ""));
                    for (int k = 0; k < 3; k++) {
                        if (k < f.children().size()) {
                            People.Pupil child = people.pupils.get(f.children().get(k));
                            cells.addAll(List.of("", child.lastName().toUpperCase(), child.firstName(),
                                    people.classes.get(child.classIndex()).name()));
                        } else {
                            cells.addAll(List.of("", "", "", ""));
                        }
                    }
                    w.row(cells.toArray(String[]::new));
                    totals.parents++;
                }
            }
        }
        long parents = people.families.stream().mapToLong(f -> f.parents().size()).sum();
        totals.pupils += people.pupils.size();
        totals.teachers += s.teachers();
        totals.classes += classes;
        totals.add("BE1D", people.pupils.size(), parents, s.teachers());
    }

    /** A CSV file as BE1D writes it: ISO-8859-1, ';', every cell quoted. */
    private static final class Csv implements AutoCloseable {
        private final Writer out;
        private final Totals totals;

        Csv(Path file, Totals totals) throws IOException {
            this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                    StandardCharsets.ISO_8859_1), 1 << 14);
            this.totals = totals;
            totals.files++;
        }

        void row(String... cells) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    line.append(';');
                }
                if (!cells[i].isEmpty()) {
                    line.append('"').append(cells[i].replace("\"", "\"\"")).append('"');
                }
            }
            line.append("\r\n");
            out.write(line.toString());
            totals.bytes += line.length();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    // ---- AAF (collèges, lycées)

    private static void aaf(AafGenerator.Feed feed, School s, long seed, String postalCode, String city,
            Totals totals) throws IOException {
        boolean college = s.kind() == Kind.COLLEGE;
        String[] levels = college ? COLLEGE_LEVELS : LYCEE_LEVELS;
        String[] mefs = college ? COLLEGE_MEF : LYCEE_MEF;
        People people = new People(s, seed, levels, college ? COLLEGE_PREFIX : LYCEE_PREFIX,
                college ? COLLEGE_BIRTHS : LYCEE_BIRTHS, 27, postalCode, city);
        String key = s.key();
        feed.structure(key, s.uai(), s.name(), s.kind().aafType);
        long parents = 0;
        for (People.Family f : people.families) {
            for (int j = 0; j < f.parents().size(); j++) {
                People.Parent parent = f.parents().get(j);
                feed.parent(parentId(key, f, j), f.lastName(), parent.firstName(), parent.title(), f.address(),
                        f.postalCode(), f.city());
                parents++;
            }
        }
        List<String> codes = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (String[] subject : SUBJECTS) {
            codes.add(subject[0]);
            labels.add(subject[1]);
        }
        for (People.Pupil p : people.pupils) {
            People.Family f = people.families.get(p.family());
            List<String> parentIds = new ArrayList<>();
            for (int j = 0; j < f.parents().size(); j++) {
                parentIds.add(parentId(key, f, j));
            }
            People.SchoolClass c = people.classes.get(p.classIndex());
            feed.pupil(key + "E" + p.index(), key, p.lastName(), p.firstName(), p.birth(), parentIds,
                    mefs[c.level()], levels[c.level()], c.name(), List.of(c.name() + "-" + GROUPS[p.index() % 2]),
                    codes, labels);
        }
        // each class's subjects shared among the school's teachers; the LV2 teacher takes the class's two groups
        int t = s.teachers();
        List<List<String>> classesOf = new ArrayList<>();
        List<List<String>> classSubjects = new ArrayList<>();
        List<List<String>> groupSubjects = new ArrayList<>();
        int[] subjectOf = new int[t];
        for (int j = 0; j < t; j++) {
            classesOf.add(new ArrayList<>());
            classSubjects.add(new ArrayList<>());
            groupSubjects.add(new ArrayList<>());
            subjectOf[j] = j % SUBJECTS.length;
        }
        for (int c = 0; c < people.classes.size(); c++) {
            String name = people.classes.get(c).name();
            for (int sub = 0; sub < SUBJECTS.length; sub++) {
                // a teacher of this subject if the school has one, else anyone
                int teams = (t + SUBJECTS.length - 1) / SUBJECTS.length;
                int j = sub + SUBJECTS.length * (c % teams);
                if (j >= t) {
                    j = (c * SUBJECTS.length + sub) % t;
                }
                if (!classesOf.get(j).contains(name)) {
                    classesOf.get(j).add(name);
                }
                if (sub == SUBJECTS.length - 1) {
                    for (String g : GROUPS) {
                        groupSubjects.get(j).add(name + "-" + g + "$" + SUBJECTS[sub][0]);
                    }
                } else {
                    classSubjects.get(j).add(name + "$" + SUBJECTS[sub][0]);
                }
            }
        }
        for (int j = 0; j < t; j++) {
            String[] names = people.teacher(j);
            feed.teacher(key + "T" + j, key, names[0], names[1], LocalDate.of(1960 + j % 38, 1 + j % 12,
                    1 + j % 28), classesOf.get(j), classSubjects.get(j), groupSubjects.get(j),
                    SUBJECTS[subjectOf[j]][2]);
        }
        String[] head = people.teacher(t);
        feed.head(key + "D", key, head[0], head[1]);
        totals.pupils += people.pupils.size();
        totals.parents += parents;
        totals.teachers += t;
        totals.heads++;
        totals.classes += people.classes.size();
        totals.add("AAF", people.pupils.size(), parents, t + 1);
    }

    private static String parentId(String key, People.Family f, int j) {
        return key + "R" + f.index() + "-" + j;
    }

    /** Generation alone: {@code -Dbench.france.dir=...} and the shape's properties (docs/france-generator.md). */
    public static void main(String[] args) throws IOException {
        FrancePlan.Shape shape = shape();
        Path dir = Path.of(System.getProperty("bench.france.dir", "target/france"));
        Files.createDirectories(dir);
        long t0 = System.nanoTime();
        FrancePlan plan = FrancePlan.of(shape);
        Totals totals = write(plan, dir);
        say(String.format("FranceGenerator %s into %s: %s in %.1f s", shape, dir, totals,
                (System.nanoTime() - t0) / 1e9));
    }

    /** The shape from {@code bench.france.*} properties; the seed's France by default. */
    public static FrancePlan.Shape shape() {
        FrancePlan.Shape f = FrancePlan.Shape.FRANCE;
        int divisor = Bench.intProperty("bench.france.divisor", 1);
        return new FrancePlan.Shape(Bench.intProperty("bench.france.collectivities", f.collectivities() / divisor),
                Bench.intProperty("bench.france.schools", f.schools() / divisor),
                Long.getLong("bench.france.pupils", f.pupils() / divisor),
                Long.getLong("bench.france.teachers", f.teachers() / divisor),
                Long.getLong("bench.france.seed", f.seed()));
    }
}
