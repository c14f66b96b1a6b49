package fr.ent.platform.apps.directory.be1d;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.apps.directory.StructureType;
import fr.ent.platform.apps.directory.Uai;
import fr.ent.platform.apps.directory.model.Structure;
import fr.ent.platform.apps.directory.service.DirectoryDatabase;
import fr.ent.platform.apps.directory.sql.Sql;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The BE1D import's writes on a real PostgreSQL schema (they go as plain multi-row statements on the unit of work's
 * connection, ADR 0051): the real sample imported, then again (nobody and nothing twice), then a changed export
 * (a renamed pupil updated in place, moved to another class, an absent one losing the right); and all of it stays
 * in the collectivity the unit of work is bound to, whose role and schema are still those after the writes.
 */
class Be1dImportDatabaseTest {

    private static final String[] TABLES = {"ent_user", "school_class", "class_member", "relative_link", "ent_group",
        "group_member"};

    @Test
    void theRealSampleImportedTwiceGivesEachPersonAndRowOnce() {
        DirectoryDatabase db = DirectoryDatabase.fresh();
        UUID school = school(db, "0693331W");
        Map<Be1dFile, byte[]> files = Map.of(Be1dFile.ELEVES, SharedData.eleves(), Be1dFile.ENSEIGNANTS,
                SharedData.enseignants(), Be1dFile.RESPONSABLES, SharedData.responsables());

        ImportReport first = new Be1dImporter(db.data()).importExport(school.toString(), files, false);
        assertThat(first.imported().students()).isEqualTo(247);
        List<Long> once = counts(db);
        assertThat(once.get(0)).isEqualTo(247 + 14 + 467);
        assertThat(once).allMatch(n -> n > 0);
        assertThat(count(db, "SELECT count(*) FROM ent_user WHERE search_key IS NULL OR created_at IS NULL"))
                .isZero();

        ImportReport second = new Be1dImporter(db.data()).importExport(school.toString(), files, false);
        assertThat(second.imported()).isEqualTo(new ImportCounts(0, 0, 0, 0, 0, 0));
        assertThat(counts(db)).as("no row written twice").isEqualTo(once);
    }

    @Test
    void aChangedExportUpdatesMovesAndEndsRightsInPlace() {
        DirectoryDatabase db = DirectoryDatabase.fresh();
        UUID school = school(db, "0310036W");
        new Be1dImporter(db.data()).importExport(school.toString(), Map.of(Be1dFile.ELEVES, latin1(
                "Nom Elève;Prénom Elève;Date naissance;Classe\nPETIT;Noé;2015-03-04;CP\nMARTIN;Léa;2014-05-06;CE1\n")),
                false);
        UUID noe = UUID.fromString(one(db, "SELECT CAST(id AS text) FROM ent_user WHERE last_name = 'PETIT'"));

        ImportReport changed = new Be1dImporter(db.data()).importExport(school.toString(), Map.of(Be1dFile.ELEVES,
                latin1("Nom Elève;Prénom Elève;Date naissance;Classe\nPetit;Noé;2015-03-04;CE1\n")), false);

        assertThat(changed.updated().students()).isEqualTo(1);
        assertThat(one(db, "SELECT CAST(id AS text) || ' ' || last_name || ' ' || search_key FROM ent_user"
                + " WHERE first_name = 'Noé'")).as("the same record, renamed, its search key following")
                .isEqualTo(noe + " Petit " + fr.ent.platform.apps.directory.Text.searchKey("Petit", "Noé"));
        assertThat(one(db, "SELECT string_agg(c.name, ',') FROM class_member m JOIN school_class c"
                + " ON c.id = m.class_id WHERE m.user_id = CAST('" + noe + "' AS uuid)")).isEqualTo("CE1");
        assertThat(one(db, "SELECT CAST(rights_lost_at IS NOT NULL AS text) FROM ent_user WHERE last_name = 'MARTIN'"))
                .as("absent from the export: loses the right").isEqualTo("true");
        assertThat(count(db, "SELECT count(*) FROM ent_user")).isEqualTo(2);
    }

    @Test
    void anImportIntoOneCollectivityWritesNothingIntoAnotherAndLeavesItsConnectionBoundToIt() {
        DirectoryDatabase a = DirectoryDatabase.fresh();
        DirectoryDatabase b = DirectoryDatabase.fresh();
        UUID schoolOfA = school(a, "0693331W");
        UUID schoolOfB = school(b, "0693331W"); // the same school known in both: B's is its own row
        Be1dExport export = Be1dExport.parse(Map.of(Be1dFile.ELEVES, SharedData.eleves(), Be1dFile.ENSEIGNANTS,
                SharedData.enseignants(), Be1dFile.RESPONSABLES, SharedData.responsables()));

        List<String> boundTo = a.inTransaction(em -> {
            // as TenantData: the collectivity's role for the whole transaction (the search path is set already)
            Sql.exec(em, "SET LOCAL ROLE " + a.schema);
            Structure school = em.find(Structure.class, schoolOfA);
            Be1dImporter.write(em, school, Be1dReconciliation.plan(Be1dImporter.snapshot(em, school), export));
            Object[] r = Sql.rows(em, "SELECT current_user, current_schema()").get(0);
            return List.of(String.valueOf(r[0]), String.valueOf(r[1]));
        });

        assertThat(boundTo).as("role and schema after the writes").containsExactly(a.schema, a.schema);
        assertThat(counts(a)).allMatch(n -> n > 0);
        assertThat(counts(b)).as("B: " + String.join(", ", TABLES)).containsOnly(0L);
        assertThat(count(b, "SELECT count(*) FROM structure WHERE id = CAST('" + schoolOfB + "' AS uuid)"))
                .isEqualTo(1);
        // and the role alone keeps B out of reach, should a statement name B's schema
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> a.inTransaction(em -> {
            Sql.exec(em, "SET LOCAL ROLE " + a.schema);
            return Sql.exec(em, "INSERT INTO " + b.schema + ".school_class (id, structure_id, name, created_at)"
                    + " VALUES (gen_random_uuid(), CAST(?1 AS uuid), 'CP', now())", schoolOfB);
        }));
        assertThat(refused).hasStackTraceContaining("permission denied");
        assertThat(counts(b)).containsOnly(0L);
    }

    private static UUID school(DirectoryDatabase db, String uai) {
        return db.inTransaction(em -> {
            Structure s = new Structure(Uai.parse(uai), "École " + uai, StructureType.ECOLE, null);
            em.persist(s);
            return s.id();
        });
    }

    private static List<Long> counts(DirectoryDatabase db) {
        return java.util.Arrays.stream(TABLES).map(t -> count(db, "SELECT count(*) FROM " + t)).toList();
    }

    private static long count(DirectoryDatabase db, String sql) {
        return ((Number) db.inTransaction(em -> Sql.rows(em, sql)).get(0)[0]).longValue();
    }

    private static String one(DirectoryDatabase db, String sql) {
        return String.valueOf(db.inTransaction(em -> Sql.rows(em, sql)).get(0)[0]);
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
