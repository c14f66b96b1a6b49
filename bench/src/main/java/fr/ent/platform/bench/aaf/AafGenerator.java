package fr.ent.platform.bench.aaf;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes valid AAF complete files (fictional ENT "ENTBENCH"), streamed to disk. Two uses:
 * <ul>
 * <li>{@link #complete} and {@link #pupils}: {@code structures} collèges, each with {@code pupilsPerStructure}
 * pupils in classes of 25 and teaching groups, two parents per pupil, a teacher per class and a head of school
 * (AafImportBench);</li>
 * <li>{@link Feed}: the six files of one export open together, written record by record by a caller that decides
 * the structures, classes and people (the France generator, {@code bench.france}).</li>
 * </ul>
 * The records have the attributes of the real feed (names, birth date, MEF, classes, groups, parents' ids,
 * functions), so a file's size per record is the real one's order of magnitude (~1.3 kB per pupil).
 */
public final class AafGenerator {

    private static final String[] NAMES = {"Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand",
        "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel",
        "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefèvre"};
    private static final String[] FIRST = {"Léa", "Hugo", "Chloé", "Louis", "Emma", "Gabriel", "Jade", "Arthur",
        "Louise", "Jules", "Alice", "Raphaël", "Inès", "Adam", "Lina", "Maël", "Rose", "Paul", "Anna", "Nathan"};
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<!DOCTYPE ficAlimMENESR SYSTEM \"ficAlimMENESR.dtd\">\n<ficAlimMENESR>\n";
    private static final String FOOT = "</ficAlimMENESR>\n";
    private static final String CHECK_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";
    private static final String DATE = "20260901";

    private AafGenerator() {
    }

    /** The complete set (structures, subjects, MEF, parents, pupils, staff) in {@code dir}; returns the files. */
    public static List<Path> complete(Path dir, int structures, int pupilsPerStructure) throws IOException {
        try (Feed feed = Feed.open(dir, "ENTBENCH")) {
            feed.subject("030201", "ANGLAIS LV1");
            feed.subject("061300", "MATHEMATIQUES");
            feed.mef("10310019110", "3EME");
            for (int s = 0; s < structures; s++) {
                String key = key(s);
                feed.structure(key, uai(9_500_000 + s), "COLLEGE BENCH " + s, "COLLEGE");
                for (int p = 0; p < pupilsPerStructure * 2; p++) {
                    feed.parent(key + "R" + p, NAMES[(p / 2) % NAMES.length], FIRST[(p + 7) % FIRST.length],
                            p % 2 == 0 ? "Mme" : "M.", "1 RUE DES LILAS", "91000", "EVRY");
                }
                for (int p = 0; p < pupilsPerStructure; p++) {
                    String cls = "C" + (p / 25);
                    feed.pupil(key + "E" + p, key, NAMES[p % NAMES.length], FIRST[(p / 3) % FIRST.length],
                            LocalDate.of(2012, 1 + p % 12, 1 + p % 28), List.of(key + "R" + (2 * p),
                                    key + "R" + (2 * p + 1)), "10310019110", "3EME", cls,
                            List.of(cls + "-G" + (p % 2)), List.of("030201", "061300"),
                            List.of("ANGLAIS LV1", "MATHEMATIQUES"));
                }
                int classes = (pupilsPerStructure + 24) / 25;
                for (int c = 0; c < classes; c++) {
                    String cls = "C" + c;
                    feed.teacher(key + "T" + c, key, NAMES[c % NAMES.length], FIRST[c % FIRST.length],
                            LocalDate.of(1980, 8, 7), List.of(cls), List.of(cls + "$030201"),
                            List.of(cls + "-G0$030201", cls + "-G1$030201"), "L0422$ANGLAIS");
                }
                feed.head(key + "D", key, "Directeur", "Jean");
            }
            return feed.files();
        }
    }

    /** Only pupils, {@code megabytes} of them at least, across 100-pupil structures: the parser's memory test. */
    public static Path pupils(Path dir, long megabytes) throws IOException {
        long target = megabytes * 1024 * 1024;
        Path file = dir.resolve(fileName("ENTBENCH", "Eleve"));
        try (Writer w = writer(file)) {
            w.write(HEAD);
            long written = HEAD.length();
            for (int n = 0; written < target; n++) {
                int s = n / 1000;
                int p = n % 1000;
                String key = key(s);
                String cls = "C" + (p / 25);
                String r = pupilRecord(key + "E" + p, key, NAMES[p % NAMES.length], FIRST[(p / 3) % FIRST.length],
                        LocalDate.of(2012, 1 + p % 12, 1 + p % 28), List.of(key + "R" + (2 * p),
                                key + "R" + (2 * p + 1)), "10310019110", "3EME", cls, List.of(cls + "-G" + (p % 2)),
                        List.of("030201", "061300"), List.of("ANGLAIS LV1", "MATHEMATIQUES"));
                w.write(r);
                written += r.getBytes(StandardCharsets.UTF_8).length;
            }
            w.write(FOOT);
        }
        return file;
    }

    /** A valid UAI from 7 digits (the check letter computed as the directory checks it). */
    public static String uai(int digits) {
        return String.format("%07d", digits) + CHECK_LETTERS.charAt(digits % 23);
    }

    private static String key(int s) {
        return String.valueOf(800_000 + s);
    }

    /**
     * The six files of one complete export (structures, subjects, MEF, parents, pupils, staff), open at once and
     * written record by record: memory is one record, whatever the export's size. Records may come in any order
     * (a structure's parents, pupils and staff, then the next structure's); {@link #close} ends the files.
     */
    public static final class Feed implements Closeable {

        private final List<Path> files = new ArrayList<>();
        private final Writer structures;
        private final Writer subjects;
        private final Writer mefs;
        private final Writer parents;
        private final Writer pupils;
        private final Writer staff;
        private long bytes;
        private boolean closed;

        private Feed(Path dir, String ent) throws IOException {
            structures = open(dir, ent, "EtabEducNat");
            subjects = open(dir, ent, "MatiereEducNat");
            mefs = open(dir, ent, "MefEducNat");
            parents = open(dir, ent, "PersRelEleve");
            pupils = open(dir, ent, "Eleve");
            staff = open(dir, ent, "PersEducNat");
        }

        /** Opens the six files {@code <ent>_Complet_20260901_<kind>_0000.xml} in {@code dir}. */
        public static Feed open(Path dir, String ent) throws IOException {
            return new Feed(dir, ent);
        }

        private Writer open(Path dir, String ent, String kind) throws IOException {
            Path file = dir.resolve(fileName(ent, kind));
            files.add(file);
            Writer w = writer(file);
            w.write(HEAD);
            return w;
        }

        /** The files, in the order an import reads them (structures and nomenclatures, parents, pupils, staff). */
        public List<Path> files() {
            return List.copyOf(files);
        }

        /** Characters written so far (about the bytes: the text is mostly ASCII). */
        public long written() {
            return bytes;
        }

        private void put(Writer w, String record) throws IOException {
            w.write(record);
            bytes += record.length();
        }

        /** {@code type}: the AAF's ENTStructureTypeStruct ("COLLEGE", "LYCEE GENERAL ET TECHNOLOGIQUE"...). */
        public void structure(String key, String uai, String name, String type) throws IOException {
            put(structures, add("categorieStructure", "EtabEducNat", key, attr("ENTStructureJointure", key)
                    + attr("ENTStructureUAI", uai) + attr("ENTStructureNomCourant", name)
                    + attr("ENTStructureTypeStruct", type) + attr("ENTServAcAcademie", "BENCH")));
        }

        public void subject(String code, String label) throws IOException {
            put(subjects, add("categorieMatiere", "MatEducNat", code, attr("ENTLibelleMatiere", label)));
        }

        public void mef(String code, String label) throws IOException {
            put(mefs, add("categorieMef", "MefEducNat", code, attr("ENTLibelleMef", label)));
        }

        public void parent(String id, String lastName, String firstName, String title, String address,
                String postalCode, String city) throws IOException {
            put(parents, parentRecord(id, lastName, firstName, title, address, postalCode, city));
        }

        /** A pupil of structure {@code key}: class and groups by name (the structure prefix is added here). */
        public void pupil(String id, String key, String lastName, String firstName, LocalDate birth,
                List<String> parentIds, String mef, String level, String className, List<String> groups,
                List<String> subjectCodes, List<String> subjectLabels) throws IOException {
            put(pupils, pupilRecord(id, key, lastName, firstName, birth, parentIds, mef, level, className, groups,
                    subjectCodes, subjectLabels));
        }

        /**
         * A teacher of structure {@code key}: {@code classSubjects} "class$subject code", {@code groupSubjects}
         * "group$subject code", {@code discipline} "code$label" of their function ENS.
         */
        public void teacher(String id, String key, String lastName, String firstName, LocalDate birth,
                List<String> classes, List<String> classSubjects, List<String> groupSubjects, String discipline)
                throws IOException {
            put(staff, add("categoriePersonne", "PersEducNat", id, attr("ENTPersonJointure", id)
                    + attr("ENTPersonDateNaissance", date(birth)) + attr("sn", lastName)
                    + attr("givenName", firstName) + attr("mail", "prof" + id + "@ac-bench.fr")
                    + attr("ENTPersonStructRattach", key) + attr("ENTAuxEnsClasses", prefixed(key, classes))
                    + attr("ENTAuxEnsClassesMatieres", prefixed(key, classSubjects))
                    + attr("ENTAuxEnsGroupesMatieres", prefixed(key, groupSubjects))
                    + attr("ENTPersonFonctions", key + "$ENS$ENSEIGNEMENT$" + discipline)
                    + attr("PersEducNatPresenceDevantEleves", "O")));
        }

        /** The head of structure {@code key} (a staff member who does not teach: profile Personnel). */
        public void head(String id, String key, String lastName, String firstName) throws IOException {
            put(staff, add("categoriePersonne", "PersEducNat", id, attr("sn", lastName) + attr("givenName", firstName)
                    + attr("ENTPersonStructRattach", key)
                    + attr("ENTPersonFonctions", key + "$DIR$DIRECTION$-$DIRECTION CHEF D'ETABLISSEMENT")
                    + attr("PersEducNatPresenceDevantEleves", "N")));
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            IOException first = null;
            for (Writer w : List.of(structures, subjects, mefs, parents, pupils, staff)) {
                try {
                    w.write(FOOT);
                    w.close();
                } catch (IOException e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }

    private static String[] prefixed(String key, List<String> values) {
        return values.stream().map(v -> key + "$" + v).toArray(String[]::new);
    }

    private static String date(LocalDate d) {
        return String.format("%02d/%02d/%04d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    private static String pupilRecord(String id, String key, String lastName, String firstName, LocalDate birth,
            List<String> parentIds, String mef, String level, String className, List<String> groups,
            List<String> subjectCodes, List<String> subjectLabels) {
        String[] links = new String[parentIds.size()];
        for (int i = 0; i < links.length; i++) {
            // id $ relation (1 father, 2 mother...) $ legal representative $ financial $ contact $ paid
            links[i] = parentIds.get(i) + "$" + (i == 0 ? 2 : 1) + "$1$1$0$1";
        }
        return add("categoriePersonne", "Eleve", id, attr("ENTPersonJointure", id)
                + attr("ENTPersonDateNaissance", date(birth))
                + attr("ENTPersonNomPatro", lastName.toUpperCase()) + attr("sn", lastName)
                + attr("givenName", firstName) + attr("personalTitle", "")
                + attr("ENTElevePersRelEleve", links)
                + attr("ENTEleveBoursier", "N") + attr("ENTEleveRegime", "DEMI-PENSIONNAIRE DANS L'ETABLISSEMENT")
                + attr("ENTEleveTransport", "N") + attr("ENTEleveStatutEleve", "SCOLAIRE")
                + attr("ENTEleveMEF", mef) + attr("ENTEleveLibelleMEF", level)
                + attr("ENTEleveNivFormation", level) + attr("ENTEleveFiliere", level)
                + attr("ENTEleveEnseignements", subjectLabels.toArray(String[]::new))
                + attr("ENTEleveCodeEnseignements", subjectCodes.toArray(String[]::new))
                + attr("ENTPersonStructRattach", key) + attr("ENTEleveClasses", key + "$" + className)
                + attr("ENTEleveGroupes", prefixed(key, groups)));
    }

    private static String parentRecord(String id, String lastName, String firstName, String title, String address,
            String postalCode, String city) {
        return add("categoriePersonne", "PersRelEleve", id, attr("ENTPersonJointure", id)
                + attr("sn", lastName) + attr("givenName", firstName)
                + attr("personalTitle", title) + attr("mail", "")
                + attr("ENTPersonAdresse", address) + attr("ENTPersonCodePostal", postalCode)
                + attr("ENTPersonVille", city) + attr("ENTPersonPays", "FRANCE"));
    }

    private static String add(String category, String value, String id, String attributes) {
        return "<addRequest>\n<operationalAttributes><attr name=\"" + category + "\"><value>" + value
                + "</value></attr></operationalAttributes>\n<identifier><id>" + id + "</id></identifier>\n<attributes>\n"
                + attributes + "</attributes>\n</addRequest>\n";
    }

    private static String attr(String name, String... values) {
        if (values.length == 0) {
            return ""; // the feed leaves out an attribute without values
        }
        StringBuilder s = new StringBuilder("<attr name=\"").append(name).append("\">");
        for (String v : values) {
            s.append(v.isEmpty() ? "<value/>" : "<value>" + v.replace("&", "&amp;").replace("<", "&lt;") + "</value>");
        }
        return s.append("</attr>\n").toString();
    }

    private static String fileName(String ent, String kind) {
        return ent + "_Complet_" + DATE + "_" + kind + "_0000.xml";
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
    }
}
