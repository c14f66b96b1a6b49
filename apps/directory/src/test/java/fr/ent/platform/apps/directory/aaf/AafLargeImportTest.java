package fr.ent.platform.apps.directory.aaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.apps.directory.service.DirectoryDatabase;
import fr.ent.platform.apps.directory.sql.Sql;
import jakarta.persistence.PersistenceException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A structure larger than one batch of the import's statements ({@link Sql.Inserts#ROWS} rows per INSERT, as many
 * staged rows per statement): 1,201 pupils, each with a parent, a class, a group and a MEF, one of them without a
 * name. Imported, then imported again: the batches' edges lose nobody and create nothing twice, and the rejected
 * pupil is reported both times with its reason. Also the JDBC path itself ({@link Sql}): numbered marks, nulls,
 * and a statement the database refuses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AafLargeImportTest {

    private static final int PUPILS = 1_201;
    private static final int NAMELESS = 777;

    private DirectoryDatabase db;
    private AafImporter importer;

    @BeforeAll
    void schema() {
        db = DirectoryDatabase.fresh();
        importer = new AafImporter(db.data());
    }

    @Test
    @Order(1)
    void aStructureOfSeveralBatchesIsImportedWholeAndTheNamelessPupilIsRejectedWithItsReason() {
        AafImportReport report = importer.importFiles(files(), "admin@test");

        assertThat(report.state()).isEqualTo("APPLIED");
        assertThat(report.counts()).containsEntry("eleve.created", PUPILS - 1)
                .containsEntry("responsable.created", PUPILS - 1).containsEntry("classe.created", 3)
                .containsEntry("groupe.created", 2);
        // the pupil; the parent only that pupil named is left aside with them (staged as their structure's parent)
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.rejections()).anySatisfy(r -> {
            assertThat(r.aafId()).isEqualTo(String.valueOf(100_000 + NAMELESS));
            assertThat(r.reason()).isEqualTo("nom (sn) manquant");
        });
        assertThat(tables()).isEqualTo(expected());
    }

    @Test
    @Order(2)
    void importingItAgainCreatesNothingTwiceAndReportsTheSameRejection() {
        AafImportReport report = importer.importFiles(files(), "admin@test");

        assertThat(report.state()).isEqualTo("APPLIED");
        assertThat(report.counts()).doesNotContainKeys("eleve.created", "responsable.created", "classe.created",
                "groupe.created", "etablissement.created").containsEntry("eleve.unchanged", PUPILS - 1);
        assertThat(report.rejections()).anySatisfy(r -> assertThat(r.reason()).isEqualTo("nom (sn) manquant"));
        assertThat(tables()).isEqualTo(expected());
    }

    @Test
    @Order(3)
    void numberedMarksRepeatAndTakeNulls() {
        List<Object[]> rows = db.inTransaction(em -> Sql.rows(em, "SELECT ?1 || '-' || ?2 || '-' || ?1,"
                + " CAST(?3 AS text) IS NULL, CAST(?4 AS integer) + 1", "a", "b", null, 41));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsExactly("a-b-a", true, 42);
    }

    @Test
    @Order(4)
    void aStatementTheDatabaseRefusesFailsWithItsSqlStateAndWritesNothing() {
        String before = tables();
        assertThatThrownBy(() -> db.inTransaction(em -> {
            Sql.exec(em, "INSERT INTO subject (code, label) VALUES (?1, ?2)", "X1", "Une matière");
            // the label's CHECK (1 to 200 characters)
            return Sql.exec(em, "INSERT INTO subject (code, label) VALUES (?1, ?2)", "X2", "");
        })).isInstanceOf(PersistenceException.class)
                .cause().isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23514"));
        assertThat(tables()).isEqualTo(before);
        assertThat(db.inTransaction(em -> Sql.rows(em, "SELECT count(*) FROM subject WHERE code = 'X1'")).get(0)[0])
                .isEqualTo(0L);
    }

    private static String expected() {
        int named = PUPILS - 1;
        return "users=" + 2 * named + " classes=3 members=" + named + " groups=" + named + " links=" + named
                + " mefs=" + named;
    }

    private String tables() {
        return db.inTransaction(em -> {
            Object[] r = Sql.rows(em, "SELECT (SELECT count(*) FROM ent_user), (SELECT count(*) FROM school_class),"
                    + " (SELECT count(*) FROM class_member), (SELECT count(*) FROM group_member m JOIN ent_group g"
                    + " ON g.id = m.group_id WHERE g.type = 'TEACHING'), (SELECT count(*) FROM relative_link),"
                    + " (SELECT count(*) FROM user_mef)").get(0);
            return "users=" + r[0] + " classes=" + r[1] + " members=" + r[2] + " groups=" + r[3] + " links=" + r[4]
                    + " mefs=" + r[5];
        });
    }

    private static List<AafImporter.Source> files() {
        StringBuilder pupils = new StringBuilder();
        StringBuilder parents = new StringBuilder();
        for (int i = 0; i < PUPILS; i++) {
            int pupil = 100_000 + i;
            int parent = 500_000 + i;
            String name = i == NAMELESS ? "" : attr("sn", "Eleve" + i);
            pupils.append("<addRequest><identifier><id>").append(pupil).append("</id></identifier><attributes>")
                    .append(name).append(attr("givenName", "Prenom" + i))
                    .append(attr("ENTPersonDateNaissance", "01/02/2011"))
                    .append(attr("ENTElevePersRelEleve", parent + "$2$1$1$0$1"))
                    .append(attr("ENTEleveMEF", "10310019110"))
                    .append(attr("ENTPersonStructRattach", "930001"))
                    .append(attr("ENTEleveClasses", "930001$6" + (char) ('A' + i % 3)))
                    .append(attr("ENTEleveGroupes", "930001$G" + i % 2))
                    .append("</attributes></addRequest>\n");
            parents.append("<addRequest><identifier><id>").append(parent).append("</id></identifier><attributes>")
                    .append(attr("sn", "Parent" + i)).append(attr("givenName", "P" + i))
                    .append("</attributes></addRequest>\n");
        }
        String structure = "<addRequest><identifier><id>930001</id></identifier><attributes>"
                + attr("ENTStructureJointure", "930001") + attr("ENTStructureUAI", "0930001W")
                + attr("ENTStructureNomCourant", "COLLEGE DES GRANDS EFFECTIFS")
                + attr("ENTStructureTypeStruct", "COLLEGE") + "</attributes></addRequest>";
        return List.of(file("EtabEducNat", structure), file("PersRelEleve", parents.toString()),
                file("Eleve", pupils.toString()));
    }

    private static String attr(String name, String value) {
        return "<attr name=\"" + name + "\"><value>" + value + "</value></attr>";
    }

    private static AafImporter.Source file(String kind, String requests) {
        return new AafImporter.Source("ENTGRAND_Complet_20260901_" + kind + "_0000.xml", new ByteArrayInputStream(
                ("<?xml version=\"1.0\"?>\n<ficAlimMENESR>\n" + requests + "</ficAlimMENESR>\n")
                        .getBytes(StandardCharsets.UTF_8)));
    }
}
