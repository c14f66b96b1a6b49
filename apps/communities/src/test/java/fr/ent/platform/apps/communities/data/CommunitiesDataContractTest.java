package fr.ent.platform.apps.communities.data;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.apps.communities.CommunitiesApp;
import fr.ent.platform.runtime.data.FormerUser;
import fr.ent.platform.runtime.data.Person;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The communities' data contract on real schemas migrated by the app's own migrations: the collectivity transfer
 * moves every table and comes back the same in another collectivity; erasing a person takes what was hers alone (her
 * places, a community nobody else is a member of) and leaves what others read, by "Ancien utilisateur".
 */
class CommunitiesDataContractTest {

    private static final UUID LEA = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID SAM = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
    private static final String SHARED = "00000000-0000-0000-0000-0000000000c1";
    private static final String ALONE = "00000000-0000-0000-0000-0000000000c2";
    private static final List<String> TABLES = List.of("community", "community_member", "community_announcement",
            "community_topic", "community_post");

    @Test
    void theCollectivityTransferMovesEveryTableAndItComesBackTheSame() {
        AppSchema from = seeded();
        AppSchema into = AppSchema.fresh(CommunitiesApp.ID, CommunitiesApp.ID);
        AppSchema.Archive archive = new AppSchema.Archive();
        contract(from).exportCollectivity(archive);
        assertThat(archive.tables).containsOnlyKeys(TABLES);
        contract(into).importCollectivity(archive);
        for (String table : TABLES) {
            assertThat(into.rows("SELECT * FROM " + table + " ORDER BY 1, 2")).as(table)
                    .isEqualTo(from.rows("SELECT * FROM " + table + " ORDER BY 1, 2")).isNotEmpty();
        }
        assertThat(CommunitiesDataContract.TRANSFER.names()).containsExactlyElementsOf(TABLES);
    }

    @Test
    void erasingAPersonTakesWhatWasHersAloneAndLeavesWhatOthersReadByAFormerUser() {
        AppSchema db = seeded();
        CommunitiesDataContract contract = contract(db);
        Person lea = new Person(Optional.of(LEA), "sub-lea", "lea.durand", "Léa Durand");

        assertThat(contract.erasePerson(lea)).isPositive();

        // the community only she was a member of is gone, with what was written there
        assertThat(db.rows("SELECT id FROM community ORDER BY id")).containsExactly(SHARED);
        assertThat(db.rows("SELECT count(*) FROM community_topic WHERE community_id = '" + ALONE + "'"))
                .containsExactly("0");
        // her places are gone; Sam's stays
        assertThat(db.rows("SELECT person_name FROM community_member ORDER BY 1")).containsExactly("Sam Petit");
        // the community others are members of stays, created by the former user; what she wrote there too
        assertThat(db.rows("SELECT CAST(created_by AS text) FROM community")).containsExactly(FormerUser.ID.toString());
        assertThat(db.rows("SELECT author_name || ' ' || title FROM community_announcement"))
                .containsExactly("Ancien utilisateur Sortie au musée");
        assertThat(db.rows("SELECT author_name || ': ' || content FROM community_post ORDER BY created_at"))
                .containsExactly("Sam Petit: <p>Qui vient ?</p>", "Ancien utilisateur: <p>Moi !</p>");
        assertThat(db.rows("SELECT count(*) FROM community_post WHERE author_id = '" + LEA + "'")).containsExactly("0");
        assertThat(db.rows("SELECT count(*) FROM community_announcement WHERE author_id = '" + LEA + "'"))
                .containsExactly("0");
        // Sam's own rows are untouched
        assertThat(db.rows("SELECT author_name FROM community_topic")).containsExactly("Sam Petit");

        // idempotent: nothing more to erase
        assertThat(contract.erasePerson(lea)).isZero();
        assertThat(contract.erasePerson(new Person(Optional.empty(), "sub", "x", "x"))).isZero();
    }

    /** Léa and Sam in a community (hers, with an announcement and a topic); Léa alone in another. */
    private static AppSchema seeded() {
        AppSchema db = AppSchema.fresh(CommunitiesApp.ID, CommunitiesApp.ID);
        db.sql("INSERT INTO community VALUES ('" + SHARED + "', 'Club théâtre', 'Le club « du jeudi »', '" + LEA
                        + "', '2026-09-01 08:00:00.123456+02')",
                "INSERT INTO community VALUES ('" + ALONE + "', 'Mes notes', '', '" + LEA + "', now())",
                "INSERT INTO community_member VALUES ('" + SHARED + "', '" + LEA + "', 'Léa Durand', 'member', 'admin',"
                        + " now()), ('" + SHARED + "', '" + SAM + "', 'Sam Petit', 'member', 'member', now()),"
                        + " ('" + ALONE + "', '" + LEA + "', 'Léa Durand', 'member', 'admin', now()),"
                        + " ('" + ALONE + "', '" + SAM + "', 'Sam Petit', 'invited', 'member', now())",
                "INSERT INTO community_announcement VALUES ('00000000-0000-0000-0000-0000000000d1', '" + SHARED + "', '"
                        + LEA + "', 'Léa Durand', 'Sortie au musée', '<p>Jeudi</p>', now())",
                "INSERT INTO community_topic VALUES ('00000000-0000-0000-0000-0000000000e1', '" + SHARED + "', '" + SAM
                        + "', 'Sam Petit', 'Répétition', now(), now()), ('00000000-0000-0000-0000-0000000000e2', '"
                        + ALONE + "', '" + LEA + "', 'Léa Durand', 'Brouillon', now(), now())",
                "INSERT INTO community_post VALUES ('00000000-0000-0000-0000-0000000000f1',"
                        + " '00000000-0000-0000-0000-0000000000e1', '" + SAM + "', 'Sam Petit', '<p>Qui vient ?</p>',"
                        + " '2026-09-02 10:00:00+02', false), ('00000000-0000-0000-0000-0000000000f2',"
                        + " '00000000-0000-0000-0000-0000000000e1', '" + LEA + "', 'Léa Durand', '<p>Moi !</p>',"
                        + " '2026-09-02 10:05:00+02', false), ('00000000-0000-0000-0000-0000000000f3',"
                        + " '00000000-0000-0000-0000-0000000000e2', '" + LEA + "', 'Léa Durand', '<p>idée</p>', now(),"
                        + " false)");
        return db;
    }

    private static CommunitiesDataContract contract(AppSchema db) {
        CommunitiesDataContract c = new CommunitiesDataContract();
        c.data = db.data();
        return c;
    }
}
