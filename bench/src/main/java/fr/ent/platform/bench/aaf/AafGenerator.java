package fr.ent.platform.bench.aaf;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes valid AAF complete files (fictional ENT "ENTBENCH"), streamed to disk: {@code structures} collèges, each with
 * {@code pupilsPerStructure} pupils in classes of 25 and teaching groups, two parents per pupil, a teacher per class
 * and a head of school. The records have the attributes of the real feed (names, birth date, MEF, classes, groups,
 * parents' ids, functions), so a file's size per record is the real one's order of magnitude (~1.3 kB per pupil).
 */
public final class AafGenerator {

    private static final String[] NAMES = {"Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand",
        "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel",
        "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefèvre"};
    private static final String[] FIRST = {"Léa", "Hugo", "Chloé", "Louis", "Emma", "Gabriel", "Jade", "Arthur",
        "Louise", "Jules", "Alice", "Raphaël", "Inès", "Adam", "Lina", "Maël", "Rose", "Paul", "Anna", "Nathan"};
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<!DOCTYPE ficAlimMENESR SYSTEM \"ficAlimMENESR.dtd\">\n<ficAlimMENESR>\n";
    private static final String CHECK_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

    private AafGenerator() {
    }

    /** The complete set (structures, subjects, MEF, parents, pupils, staff) in {@code dir}; returns the files. */
    public static List<Path> complete(Path dir, int structures, int pupilsPerStructure) throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(write(dir, "EtabEducNat", w -> {
            for (int s = 0; s < structures; s++) {
                String key = key(s);
                int digits = 9_500_000 + s;
                w.write(add("categorieStructure", "EtabEducNat", key, attr("ENTStructureJointure", key)
                        + attr("ENTStructureUAI", String.format("%07d", digits) + CHECK_LETTERS.charAt(digits % 23))
                        + attr("ENTStructureNomCourant", "COLLEGE BENCH " + s)
                        + attr("ENTStructureTypeStruct", "COLLEGE") + attr("ENTServAcAcademie", "BENCH")));
            }
        }));
        files.add(write(dir, "MatiereEducNat", w -> {
            w.write(add("categorieMatiere", "MatEducNat", "030201", attr("ENTLibelleMatiere", "ANGLAIS LV1")));
            w.write(add("categorieMatiere", "MatEducNat", "061300", attr("ENTLibelleMatiere", "MATHEMATIQUES")));
        }));
        files.add(write(dir, "MefEducNat", w -> w.write(add("categorieMef", "MefEducNat", "10310019110",
                attr("ENTLibelleMef", "3EME")))));
        files.add(write(dir, "PersRelEleve", w -> {
            for (int s = 0; s < structures; s++) {
                for (int p = 0; p < pupilsPerStructure * 2; p++) {
                    w.write(parent(s, p));
                }
            }
        }));
        files.add(write(dir, "Eleve", w -> {
            for (int s = 0; s < structures; s++) {
                for (int p = 0; p < pupilsPerStructure; p++) {
                    w.write(pupil(s, p));
                }
            }
        }));
        files.add(write(dir, "PersEducNat", w -> {
            for (int s = 0; s < structures; s++) {
                int classes = (pupilsPerStructure + 24) / 25;
                for (int c = 0; c < classes; c++) {
                    w.write(teacher(s, c));
                }
                w.write(add("categoriePersonne", "PersEducNat", key(s) + "D", attr("sn", "Directeur")
                        + attr("givenName", "Jean") + attr("ENTPersonStructRattach", key(s))
                        + attr("ENTPersonFonctions", key(s) + "$DIR$DIRECTION$-$DIRECTION CHEF D'ETABLISSEMENT")
                        + attr("PersEducNatPresenceDevantEleves", "N")));
            }
        }));
        return files;
    }

    /** Only pupils, {@code megabytes} of them at least, across 100-pupil structures: the parser's memory test. */
    public static Path pupils(Path dir, long megabytes) throws IOException {
        long target = megabytes * 1024 * 1024;
        return write(dir, "Eleve", w -> {
            long written = HEAD.length();
            for (int n = 0; written < target; n++) {
                String r = pupil(n / 1000, n % 1000);
                w.write(r);
                written += r.getBytes(StandardCharsets.UTF_8).length;
            }
        });
    }

    private static String key(int s) {
        return String.valueOf(800_000 + s);
    }

    private static String pupil(int s, int p) {
        String key = key(s);
        String id = key + "E" + p;
        String cls = "C" + (p / 25);
        return add("categoriePersonne", "Eleve", id, attr("ENTPersonJointure", id)
                + attr("ENTPersonDateNaissance", String.format("%02d/%02d/2012", 1 + p % 28, 1 + p % 12))
                + attr("ENTPersonNomPatro", NAMES[p % NAMES.length].toUpperCase()) + attr("sn", NAMES[p % NAMES.length])
                + attr("givenName", FIRST[(p / 3) % FIRST.length]) + attr("personalTitle", "")
                + attr("ENTElevePersRelEleve", key + "R" + (2 * p) + "$2$1$1$0$1", key + "R" + (2 * p + 1)
                        + "$1$1$1$0$1")
                + attr("ENTEleveBoursier", "N") + attr("ENTEleveRegime", "DEMI-PENSIONNAIRE DANS L'ETABLISSEMENT")
                + attr("ENTEleveTransport", "N") + attr("ENTEleveStatutEleve", "SCOLAIRE")
                + attr("ENTEleveMEF", "10310019110") + attr("ENTEleveLibelleMEF", "3EME")
                + attr("ENTEleveNivFormation", "3EME") + attr("ENTEleveFiliere", "3EME")
                + attr("ENTEleveEnseignements", "ANGLAIS LV1", "MATHEMATIQUES")
                + attr("ENTEleveCodeEnseignements", "030201", "061300")
                + attr("ENTPersonStructRattach", key) + attr("ENTEleveClasses", key + "$" + cls)
                + attr("ENTEleveGroupes", key + "$" + cls + "-G" + (p % 2)));
    }

    private static String parent(int s, int p) {
        String id = key(s) + "R" + p;
        return add("categoriePersonne", "PersRelEleve", id, attr("ENTPersonJointure", id)
                + attr("sn", NAMES[(p / 2) % NAMES.length]) + attr("givenName", FIRST[(p + 7) % FIRST.length])
                + attr("personalTitle", p % 2 == 0 ? "Mme" : "M.") + attr("mail", "")
                + attr("ENTPersonAdresse", "1 RUE DES LILAS") + attr("ENTPersonCodePostal", "91000")
                + attr("ENTPersonVille", "EVRY") + attr("ENTPersonPays", "FRANCE"));
    }

    private static String teacher(int s, int c) {
        String key = key(s);
        String id = key + "T" + c;
        return add("categoriePersonne", "PersEducNat", id, attr("ENTPersonJointure", id)
                + attr("ENTPersonDateNaissance", "07/08/1980") + attr("sn", NAMES[c % NAMES.length])
                + attr("givenName", FIRST[c % FIRST.length]) + attr("mail", "prof" + id + "@ac-bench.fr")
                + attr("ENTPersonStructRattach", key) + attr("ENTAuxEnsClasses", key + "$C" + c)
                + attr("ENTAuxEnsClassesMatieres", key + "$C" + c + "$030201")
                + attr("ENTAuxEnsGroupesMatieres", key + "$C" + c + "-G0$030201", key + "$C" + c + "-G1$030201")
                + attr("ENTPersonFonctions", key + "$ENS$ENSEIGNEMENT$L0422$ANGLAIS")
                + attr("PersEducNatPresenceDevantEleves", "O"));
    }

    private static String add(String category, String value, String id, String attributes) {
        return "<addRequest>\n<operationalAttributes><attr name=\"" + category + "\"><value>" + value
                + "</value></attr></operationalAttributes>\n<identifier><id>" + id + "</id></identifier>\n<attributes>\n"
                + attributes + "</attributes>\n</addRequest>\n";
    }

    private static String attr(String name, String... values) {
        StringBuilder s = new StringBuilder("<attr name=\"").append(name).append("\">");
        for (String v : values) {
            s.append(v.isEmpty() ? "<value/>" : "<value>" + v.replace("&", "&amp;").replace("<", "&lt;") + "</value>");
        }
        return s.append("</attr>\n").toString();
    }

    private interface Body {
        void write(Writer w) throws IOException;
    }

    private static Path write(Path dir, String kind, Body body) throws IOException {
        Path file = dir.resolve("ENTBENCH_Complet_20260901_" + kind + "_0000.xml");
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                StandardCharsets.UTF_8), 1 << 16)) {
            w.write(HEAD);
            body.write(w);
            w.write("</ficAlimMENESR>\n");
        }
        return file;
    }
}
