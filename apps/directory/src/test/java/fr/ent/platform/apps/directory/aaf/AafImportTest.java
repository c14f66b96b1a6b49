package fr.ent.platform.apps.directory.aaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.apps.directory.service.DirectoryDatabase;
import fr.ent.platform.apps.directory.sql.Sql;
import fr.ent.platform.problem.DomainException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Our fictional ENT's complete AAF export, then its delta, then the complete export again, imported into a real
 * PostgreSQL schema migrated by the directory's own migrations. One schema for the class: each step starts where the
 * previous one left the directory, as the imports follow each other in production.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AafImportTest {

    private DirectoryDatabase db;
    private AafImporter importer;

    @BeforeAll
    void schema() {
        db = DirectoryDatabase.fresh();
        importer = new AafImporter(db.data());
    }

    @Test
    @Order(1)
    void theCompleteExportCreatesStructuresClassesGroupsSubjectsPeopleLinksAndFunctions() {
        AafImportReport report = importer.importFiles(sources(AafFixtures.complete()), "admin@test");

        assertThat(report.state()).isEqualTo("APPLIED");
        assertThat(report.structuresTotal()).isEqualTo(3); // 910001, 910002, and the unknown 999999
        assertThat(report.structuresDone()).isEqualTo(3);
        assertThat(report.counts()).containsEntry("etablissement.created", 2).containsEntry("matiere.created", 3)
                .containsEntry("mef.created", 2).containsEntry("eleve.created", 3)
                .containsEntry("responsable.created", 3).containsEntry("personnel.created", 2)
                .containsEntry("classe.created", 3).containsEntry("groupe.created", 2);

        assertThat(rows("SELECT uai || ' ' || name || ' ' || type FROM structure ORDER BY uai"))
                .containsExactly("0910001G COLLEGE MARIE CURIE COLLEGE", "0910002H LYCEE VICTOR HUGO LYCEE");
        assertThat(classesOf("1001")).containsExactly("0910001G 3A");
        assertThat(groupsOf("1001")).containsExactly("3A-ANG1");
        assertThat(parentsOf("1001")).containsExactly("Martin Claire", "Martin Paul");
        assertThat(parentsOf("1002")).containsExactly("Martin Claire");
        assertThat(parentsOf("1003")).containsExactly("Durand Sophie");
        assertThat(single("SELECT mef_code FROM user_mef m JOIN ent_user u ON u.id = m.user_id"
                + " WHERE u.external_id = 'aaf:eleve:1001'")).isEqualTo("10310019110");

        // the teacher of both schools: one person, attached to the second, in her classes and group
        assertThat(single("SELECT profile FROM ent_user WHERE external_id = 'aaf:perseducnat:2001'"))
                .isEqualTo("Teacher");
        assertThat(single("SELECT count(*) FROM ent_user_attachment a JOIN ent_user u ON u.id = a.user_id"
                + " WHERE u.external_id = 'aaf:perseducnat:2001'")).isEqualTo("1");
        assertThat(classesOf("2001", "perseducnat")).containsExactly("0910001G 3A", "0910001G 3B",
                "0910002H 2NDE1");
        assertThat(groupsOf("2001", "perseducnat")).containsExactly("3A-ANG1");
        assertThat(rows("SELECT c.name || ':' || t.subject_code FROM teaching t JOIN school_class c ON c.id = t.class_id"
                + " JOIN ent_user u ON u.id = t.user_id WHERE u.external_id = 'aaf:perseducnat:2001'"))
                .containsExactlyInAnyOrder("3A:030201", "3B:030201", "2NDE1:030201");
        // the head of school: Personnel, with her function
        assertThat(single("SELECT profile FROM ent_user WHERE external_id = 'aaf:perseducnat:2002'"))
                .isEqualTo("Personnel");
        assertThat(rows("SELECT f.code || ' ' || f.label FROM staff_function f JOIN ent_user u ON u.id = f.user_id"
                + " WHERE u.external_id = 'aaf:perseducnat:2002'")).containsExactly("DIR DIRECTION");
        // profile groups follow, as after a BE1D import
        assertThat(single("SELECT count(*) FROM ent_group WHERE type = 'PROFILE'")).isNotEqualTo("0");

        Map<String, String> reasons = report.rejections().stream().collect(Collectors.toMap(
                r -> r.file().replaceAll(".*_(\\w+)_0000.xml", "$1") + ":" + r.aafId(), AafRejection::reason,
                (a, b) -> a + " | " + b));
        assertThat(reasons).containsOnlyKeys("EtabEducNat:910003", "EtabEducNat:910004", "MatiereEducNat:999999",
                "PersRelEleve:5004", "Eleve:1003", "Eleve:1004", "Eleve:1005", "PersEducNat:2003");
        assertThat(reasons.get("EtabEducNat:910003")).isEqualTo("UAI invalide : « 0910003Z »");
        assertThat(reasons.get("EtabEducNat:910004")).contains("SANS OBJET");
        assertThat(reasons.get("MatiereEducNat:999999")).isEqualTo("libellé manquant");
        assertThat(reasons.get("Eleve:1003")).contains("responsable 9999 absent");
        assertThat(reasons.get("Eleve:1004")).contains("date de naissance illisible : « 31/02/2011 »");
        assertThat(reasons.get("Eleve:1005")).contains("établissement 999999 inconnu");
        assertThat(reasons.get("PersEducNat:2003")).isEqualTo("prénom (givenName) manquant");
        assertThat(reasons.get("PersRelEleve:5004")).isEqualTo("nom (sn) manquant");
        assertThat(report.rejected()).isEqualTo(8);
        assertThat(report.rejections()).allSatisfy(r -> assertThat(r.line()).isPositive());
        // nothing left behind
        assertThat(single("SELECT count(*) FROM aaf_staged")).isEqualTo("0");
    }

    @Test
    @Order(2)
    void theDeltaMovesAPupilDetachesTheLeaverAddsTheNewcomerAndRenamesAParent() {
        String usersBefore = single("SELECT count(*) FROM ent_user");
        AafImportReport report = importer.importFiles(sources(AafFixtures.delta()), "admin@test");

        assertThat(report.state()).isEqualTo("APPLIED");
        assertThat(classesOf("1002")).containsExactly("0910001G 3A");
        // the leaver: account kept, out of every school, class and group, and marked as having lost the right
        assertThat(single("SELECT count(*) FROM ent_user WHERE external_id = 'aaf:eleve:1003'"
                + " AND structure_id IS NULL")).isEqualTo("1");
        assertThat(lost("eleve:1003")).isTrue();
        // her only parent goes with her; the others keep the right
        assertThat(lost("responsable:5003")).isTrue();
        assertThat(lost("eleve:1002")).isFalse();
        assertThat(lost("responsable:5001")).isFalse();
        assertThat(report.counts()).containsEntry("droit.perdu", 2);
        assertThat(classesOf("1003")).isEmpty();
        assertThat(groupsOf("1003")).isEmpty();
        // the newcomer, with a parent who arrives in the same delta
        assertThat(classesOf("1006")).containsExactly("0910001G 3B");
        assertThat(parentsOf("1006")).containsExactly("Lefebvre Julie");
        assertThat(single("SELECT last_name FROM ent_user WHERE external_id = 'aaf:responsable:5001'"))
                .isEqualTo("Martin-Roux");
        // the teacher's groups emptied, her classes untouched
        assertThat(groupsOf("2001", "perseducnat")).isEmpty();
        assertThat(classesOf("2001", "perseducnat")).hasSize(3);
        assertThat(Integer.parseInt(single("SELECT count(*) FROM ent_user")))
                .isEqualTo(Integer.parseInt(usersBefore) + 2);
        assertThat(report.rejections()).extracting(AafRejection::aafId).containsExactlyInAnyOrder("910002", "7777");
        assertThat(report.rejections()).filteredOn(r -> "910002".equals(r.aafId())).first()
                .satisfies(r -> assertThat(r.reason()).startsWith("suppression de l'établissement"));
        assertThat(single("SELECT count(*) FROM structure")).isEqualTo("2");
    }

    @Test
    @Order(3)
    void importingTheCompleteExportAgainCreatesNobodyAndNothingTwice() {
        String counts = everything();
        AafImportReport report = importer.importFiles(sources(AafFixtures.complete()), "admin@test");

        assertThat(report.counts()).doesNotContainKeys("eleve.created", "responsable.created", "personnel.created",
                "classe.created", "groupe.created", "etablissement.created", "matiere.created", "mef.created");
        // the complete export puts back what the delta changed (Hugo in 3B, Nina in her school, the groups)...
        assertThat(classesOf("1002")).containsExactly("0910001G 3B");
        assertThat(classesOf("1003")).containsExactly("0910002H 2NDE1");
        // ...and the tables hold as many rows as before, but for the memberships and subjects it restored
        assertThat(everything()).isEqualTo(counts.replaceAll("members=\\d+", "members=" + members())
                .replace("teaching=3", "teaching=4"));
        assertThat(Integer.parseInt(members())).isEqualTo(Integer.parseInt(counts.replaceAll(".*members=(\\d+).*",
                "$1")) + 3);
        assertThat(single("SELECT count(*) FROM ent_user")).isEqualTo(counts.replaceAll(".*users=(\\d+).*", "$1"));
        // named again: the leaver and her parent have the right again; the delta's newcomer and her parent, whom the
        // complete export does not name, have lost it
        assertThat(lost("eleve:1003")).isFalse();
        assertThat(lost("responsable:5003")).isFalse();
        assertThat(lost("eleve:1006")).isTrue();
        assertThat(lost("responsable:5005")).isTrue();
        assertThat(rows("SELECT external_id FROM ent_user WHERE rights_lost_at IS NOT NULL ORDER BY 1"))
                .containsExactly("aaf:eleve:1006", "aaf:responsable:5005");
        assertThat(report.counts()).containsEntry("droit.retrouve", 2).containsEntry("droit.perdu", 2);
    }

    @Test
    @Order(4)
    void anUnreadableFileAppliesNothingAndSaysWhereItBroke() {
        String before = everything();
        String good = "ENTFICTIF_Complet_20260901_EtabEducNat_0000.xml";
        byte[] broken = ("<?xml version=\"1.0\"?>\n<ficAlimMENESR>\n<addRequest>\n<identifier><id>1</id>\n"
                + "</addRequest>\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> importer.importFiles(List.of(
                new AafImporter.Source(good, AafFixtures.open(AafFixtures.file("complet", "EtabEducNat"))),
                new AafImporter.Source("ENTFICTIF_Complet_20260901_Eleve_0000.xml", new ByteArrayInputStream(broken))),
                "admin@test"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("import-unreadable"));
        assertThatThrownBy(() -> importer.importFiles(List.of(new AafImporter.Source("eleves.xml",
                new ByteArrayInputStream(broken))), "admin@test")).isInstanceOf(DomainException.class);
        assertThat(everything()).isEqualTo(before);
        assertThat(single("SELECT count(*) FROM aaf_import WHERE state = 'FAILED'")).isEqualTo("2");
        assertThat(single("SELECT count(*) FROM aaf_staged")).isEqualTo("0");
    }

    @Test
    @Order(5)
    void aPupilAddedThenChangedInTheSameDeltaEndsAsTheChangeSays() {
        String delta = """
                <?xml version="1.0" encoding="UTF-8"?>
                <ficAlimMENESR>
                <addRequest><identifier><id>1010</id></identifier><attributes>
                <attr name="sn"><value>Garnier</value></attr><attr name="givenName"><value>Tom</value></attr>
                <attr name="ENTPersonStructRattach"><value>910001</value></attr>
                <attr name="ENTEleveClasses"><value>910001$3A</value></attr>
                <attr name="ENTElevePersRelEleve"><value>5003$1$1$1$0$1</value></attr>
                </attributes></addRequest>
                <modifyRequest><identifier><id>1010</id></identifier><modifications>
                <modification name="ENTEleveClasses" operation="replace"><value>910001$3A</value><value>910001$3B</value></modification>
                <modification name="ENTElevePersRelEleve" operation="replace"><value>5003$1$1$1$0$1</value></modification>
                </modifications></modifyRequest>
                </ficAlimMENESR>
                """;
        AafImportReport report = importer.importFiles(List.of(new AafImporter.Source(
                "ENTFICTIF_Delta_20260920_Eleve_0000.xml",
                new ByteArrayInputStream(delta.getBytes(StandardCharsets.UTF_8)))), "admin@test");
        assertThat(report.rejections()).isEmpty();
        assertThat(classesOf("1010")).containsExactly("0910001G 3A", "0910001G 3B");
        assertThat(parentsOf("1010")).containsExactly("Durand Sophie");
    }

    @Test
    @Order(6)
    void aParentKeepsTheRightWhileOneOfTheirChildrenKeepsIt() {
        importer.importFiles(List.of(delta("Eleve", "<deleteRequest><identifier><id>1002</id></identifier>"
                + "</deleteRequest>")), "admin@test");
        assertThat(lost("eleve:1002")).isTrue();
        assertThat(lost("responsable:5001")).isFalse(); // 1001 is still hers
        String since = single("SELECT CAST(rights_lost_at AS text) FROM ent_user WHERE external_id = 'aaf:eleve:1002'");

        importer.importFiles(List.of(delta("Eleve", "<deleteRequest><identifier><id>1001</id></identifier>"
                + "</deleteRequest><deleteRequest><identifier><id>1002</id></identifier></deleteRequest>"),
                delta("PersEducNat", "<deleteRequest><identifier><id>2002</id></identifier></deleteRequest>")),
                "admin@test");
        assertThat(lost("eleve:1001")).isTrue();
        assertThat(lost("responsable:5001")).isTrue();
        assertThat(lost("responsable:5002")).isTrue();
        assertThat(lost("perseducnat:2002")).isTrue();
        // a mark already there keeps its date: the delay runs from the first import that lost them
        assertThat(single("SELECT CAST(rights_lost_at AS text) FROM ent_user WHERE external_id = 'aaf:eleve:1002'"))
                .isEqualTo(since);
    }

    @Test
    @Order(7)
    void aCompleteFileJudgesOnlyTheStructuresItSpeaksOf() {
        // a complete pupils' file of the lycée only: the collège's pupil 1010 is not judged by it
        String eleve = "<addRequest><identifier><id>1003</id></identifier><attributes>"
                + "<attr name=\"sn\"><value>Petit</value></attr><attr name=\"givenName\"><value>Nina</value></attr>"
                + "<attr name=\"ENTPersonStructRattach\"><value>910002</value></attr>"
                + "<attr name=\"ENTEleveClasses\"><value>910002$2NDE1</value></attr></attributes></addRequest>";
        AafImportReport report = importer.importFiles(List.of(new AafImporter.Source(
                "ENTFICTIF_Complet_20261001_Eleve_0000.xml", new ByteArrayInputStream(("<?xml version=\"1.0\"?>"
                        + "<ficAlimMENESR>" + eleve + "</ficAlimMENESR>").getBytes(StandardCharsets.UTF_8)))),
                "admin@test");
        assertThat(report.state()).isEqualTo("APPLIED");
        assertThat(lost("eleve:1003")).isFalse();
        assertThat(lost("eleve:1010")).isFalse();
    }

    private static AafImporter.Source delta(String kind, String requests) {
        return new AafImporter.Source("ENTFICTIF_Delta_20260925_" + kind + "_0000.xml", new ByteArrayInputStream(
                ("<?xml version=\"1.0\"?><ficAlimMENESR>" + requests + "</ficAlimMENESR>")
                        .getBytes(StandardCharsets.UTF_8)));
    }

    private boolean lost(String identity) {
        return "true".equals(single("SELECT CAST(rights_lost_at IS NOT NULL AS text) FROM ent_user"
                + " WHERE external_id = 'aaf:" + identity + "'"));
    }

    private String everything() {
        return "users=" + single("SELECT count(*) FROM ent_user") + " classes=" + single("SELECT count(*) FROM school_class")
                + " groups=" + single("SELECT count(*) FROM ent_group") + " links="
                + single("SELECT count(*) FROM relative_link") + " subjects=" + single("SELECT count(*) FROM subject")
                + " functions=" + single("SELECT count(*) FROM staff_function") + " teaching="
                + single("SELECT count(*) FROM teaching") + " members=" + members() + " structures="
                + single("SELECT count(*) FROM structure");
    }

    private String members() {
        return single("SELECT (SELECT count(*) FROM class_member) + (SELECT count(*) FROM group_member g"
                + " JOIN ent_group e ON e.id = g.group_id WHERE e.type = 'TEACHING')");
    }

    private List<String> classesOf(String aafId) {
        return classesOf(aafId, "eleve");
    }

    private List<String> classesOf(String aafId, String kind) {
        return rows("SELECT s.uai || ' ' || c.name FROM class_member m JOIN school_class c ON c.id = m.class_id"
                + " JOIN structure s ON s.id = c.structure_id JOIN ent_user u ON u.id = m.user_id"
                + " WHERE u.external_id = 'aaf:" + kind + ":" + aafId + "' ORDER BY 1");
    }

    private List<String> groupsOf(String aafId) {
        return groupsOf(aafId, "eleve");
    }

    private List<String> groupsOf(String aafId, String kind) {
        return rows("SELECT g.name FROM group_member m JOIN ent_group g ON g.id = m.group_id"
                + " JOIN ent_user u ON u.id = m.user_id WHERE g.type = 'TEACHING' AND u.external_id = 'aaf:" + kind
                + ":" + aafId + "' ORDER BY 1");
    }

    private List<String> parentsOf(String aafId) {
        return rows("SELECT p.last_name || ' ' || p.first_name FROM relative_link l JOIN ent_user p"
                + " ON p.id = l.relative_id JOIN ent_user c ON c.id = l.student_id"
                + " WHERE c.external_id = 'aaf:eleve:" + aafId + "' ORDER BY 1");
    }

    private List<String> rows(String sql) {
        return db.inTransaction(em -> Sql.rows(em, sql)).stream().map(r -> String.valueOf(r[0])).toList();
    }

    private String single(String sql) {
        List<String> r = rows(sql);
        return r.isEmpty() ? null : r.get(0);
    }

    static List<AafImporter.Source> sources(List<Path> files) {
        return files.stream().map(p -> new AafImporter.Source(p.getFileName().toString(), AafFixtures.open(p)))
                .toList();
    }
}
