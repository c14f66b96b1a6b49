package fr.ent.platform.apps.wiki.courses.data;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.apps.wiki.WikiApp;
import fr.ent.platform.apps.wiki.courses.CoursesApp;
import fr.ent.platform.runtime.data.FormerUser;
import fr.ent.platform.runtime.data.Person;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The courses' data contract on real schemas migrated by the courses' own migrations: the collectivity transfer moves
 * the three tables and they come back the same in another collectivity; erasing a teacher takes her drafts and
 * leaves her published course to its class, created and last edited by "Ancien utilisateur".
 */
class CoursesDataContractTest {

    private static final UUID LEA = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID SAM = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
    private static final String CLASS = "00000000-0000-0000-0000-0000000000c0";
    private static final String PUBLISHED = "00000000-0000-0000-0000-0000000000c1";
    private static final String DRAFT = "00000000-0000-0000-0000-0000000000c2";
    private static final String SAMS = "00000000-0000-0000-0000-0000000000c3";
    private static final List<String> TABLES = List.of("course", "course_chapter", "course_attachment");

    @Test
    void theCollectivityTransferMovesEveryTableAndItComesBackTheSame() {
        AppSchema from = seeded();
        AppSchema into = AppSchema.fresh(CoursesApp.ID, WikiApp.ID);
        AppSchema.Archive archive = new AppSchema.Archive();
        contract(from).exportCollectivity(archive);
        assertThat(archive.tables).containsOnlyKeys(TABLES);
        contract(into).importCollectivity(archive);
        for (String table : TABLES) {
            assertThat(into.rows("SELECT * FROM " + table + " ORDER BY 1, 2")).as(table)
                    .isEqualTo(from.rows("SELECT * FROM " + table + " ORDER BY 1, 2")).isNotEmpty();
        }
        assertThat(CoursesDataContract.TRANSFER.names()).containsExactlyElementsOf(TABLES);
    }

    @Test
    void erasingATeacherTakesHerDraftsAndLeavesHerPublishedCourseToItsClassByAFormerUser() {
        AppSchema db = seeded();
        CoursesDataContract contract = contract(db);
        Person lea = new Person(Optional.of(LEA), "sub-lea", "lea.martin", "Léa Martin");

        assertThat(contract.erasePerson(lea)).isPositive();

        assertThat(db.rows("SELECT CAST(id AS text) FROM course ORDER BY id")).containsExactly(PUBLISHED, SAMS);
        assertThat(db.rows("SELECT count(*) FROM course_chapter WHERE course_id = '" + DRAFT + "'"))
                .containsExactly("0");
        assertThat(db.rows("SELECT CAST(created_by AS text) FROM course WHERE id = '" + PUBLISHED + "'"))
                .containsExactly(FormerUser.ID.toString());
        // the chapters shown under her name are the former user's; Sam's stay his
        assertThat(db.rows("SELECT updated_by FROM course_chapter ORDER BY position, updated_by"))
                .containsExactly("Ancien utilisateur", "Ancien utilisateur", "Sam Petit");
        assertThat(db.rows("SELECT CAST(created_by AS text) FROM course WHERE id = '" + SAMS + "'"))
                .containsExactly(SAM.toString());
        // the attachment reference of the course that stays stays
        assertThat(db.rows("SELECT name FROM course_attachment")).containsExactly("frise.pdf");

        assertThat(contract.erasePerson(lea)).isZero();
    }

    /** Léa's published course (a chapter by her, one by Sam) and her draft; Sam's own course. */
    private static AppSchema seeded() {
        AppSchema db = AppSchema.fresh(CoursesApp.ID, WikiApp.ID);
        String columns = "(id, owner_kind, owner_id, title, level, subject, duration_minutes, state, created_by,"
                + " created_at, published_at, ai_prompt, ai_parameters)";
        db.sql("INSERT INTO course " + columns + " VALUES ('" + PUBLISHED + "', 'class', '" + CLASS + "', 'La Révolution',"
                        + " 'CM2', 'Histoire', 60, 'published', '" + LEA + "', '2026-09-01 08:00:00.5+02', now(),"
                        + " 'Écris un cours « simple »', '{\"model\":\"x\"}')",
                "INSERT INTO course " + columns + " VALUES ('" + DRAFT + "', 'class', '" + CLASS + "', 'Brouillon',"
                        + " 'CM2', 'Histoire', 30, 'draft', '" + LEA + "', now(), NULL, NULL, NULL)",
                "INSERT INTO course " + columns + " VALUES ('" + SAMS + "', 'class', '" + CLASS + "', 'Les volcans',"
                        + " 'CM2', 'Sciences', 45, 'published', '" + SAM + "', now(), now(), NULL, NULL)",
                "INSERT INTO course_chapter VALUES ('00000000-0000-0000-0000-0000000000d1', '" + PUBLISHED + "', 1,"
                        + " '1789', 'Comprendre\nDater', '<p>Le 14 juillet</p>', '<ol><li>Quand ?</li></ol>', false, 2,"
                        + " now(), 'Léa Martin'), ('00000000-0000-0000-0000-0000000000d2', '" + PUBLISHED + "', 2,"
                        + " 'La suite', '', '<p>…</p>', '', true, 1, now(), 'Sam Petit'),"
                        + " ('00000000-0000-0000-0000-0000000000d3', '" + DRAFT + "', 1, 'Idées', '', '', '', false, 1,"
                        + " now(), 'Léa Martin'), ('00000000-0000-0000-0000-0000000000d4', '" + SAMS + "', 2, 'Magma',"
                        + " '', '', '', false, 1, now(), 'Léa Martin')",
                "INSERT INTO course_attachment VALUES ('00000000-0000-0000-0000-0000000000d1',"
                        + " '00000000-0000-0000-0000-0000000000b1', 'frise.pdf', 'application/pdf', 1),"
                        + " ('00000000-0000-0000-0000-0000000000d3', '00000000-0000-0000-0000-0000000000b2', 'notes.pdf',"
                        + " 'application/pdf', 1)");
        return db;
    }

    private static CoursesDataContract contract(AppSchema db) {
        CoursesDataContract c = new CoursesDataContract();
        c.data = db.data();
        return c;
    }
}
