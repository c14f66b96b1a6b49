package fr.ent.platform.apps.directory.aaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.apps.directory.service.DirectoryDatabase;
import fr.ent.platform.apps.directory.sql.Sql;
import fr.ent.platform.problem.DomainException;
import org.junit.jupiter.api.Test;

/**
 * The import writes only through the directory's data door of the collectivity it runs for: two collectivity schemas
 * on the same database, the complete export imported into A, B has nothing of it (structures, people, staging,
 * rejections, the import itself). The HTTP side of the same property (B's domain, A's token) is AafImportIT.
 */
class AafImportIsolationTest {

    @Test
    void anImportIntoOneCollectivityLeavesTheOtherUntouched() {
        DirectoryDatabase a = DirectoryDatabase.fresh();
        DirectoryDatabase b = DirectoryDatabase.fresh();
        AafImportReport report = new AafImporter(a.data()).importFiles(AafImportTest.sources(AafFixtures.complete()),
                "admin@a");
        assertThat(report.counts()).containsEntry("eleve.created", 3);

        for (String table : new String[] {"structure", "ent_user", "school_class", "ent_group", "relative_link",
            "subject", "mef", "staff_function", "teaching", "aaf_import", "aaf_staged", "aaf_rejection"}) {
            assertThat(b.inTransaction(em -> Sql.rows(em, "SELECT count(*) FROM " + table)).get(0)[0])
                    .as(table).hasToString("0");
        }
        // and B's own import of the same files finds nothing of A's: it creates its own
        AafImportReport inB = new AafImporter(b.data()).importFiles(AafImportTest.sources(AafFixtures.complete()),
                "admin@b");
        assertThat(inB.counts()).containsEntry("eleve.created", 3).containsEntry("etablissement.created", 2);
        assertThat(new AafImporter(a.data()).get(report.id().toString()).state()).isEqualTo("APPLIED");
        // A's import id, asked of B: an id of nothing
        assertThatThrownBy(() -> new AafImporter(b.data()).get(report.id().toString()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("import-not-found"));
    }
}
