package fr.ent.platform.apps.directory.data;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.apps.directory.aaf.AafImporter;
import fr.ent.platform.apps.directory.service.DirectoryDatabase;
import fr.ent.platform.runtime.data.Person;
import fr.ent.platform.runtime.data.PersonalExport;
import fr.ent.platform.runtime.persistence.TenantData;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A person's "Mes données" holds what the national directory feed (AAF) says of them: the directory's contract
 * exports a pupil's MEF, a teacher's subjects by class and group, a head's functions, each with the nomenclature's
 * label and the school's name, on a real schema filled by our fictional complete AAF export.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryPersonExportTest {

    private DirectoryDatabase db;
    private DirectoryDataContract contract;

    @BeforeAll
    void importTheFeed() throws Exception {
        db = DirectoryDatabase.fresh();
        List<AafImporter.Source> sources;
        try (Stream<Path> files = Files.list(Path.of(getClass().getClassLoader().getResource("aaf/complet").toURI()))) {
            sources = files.sorted().map(p -> new AafImporter.Source(p.getFileName().toString(), open(p))).toList();
        }
        new AafImporter(db.data()).importFiles(sources, "admin@test");
        contract = new DirectoryDataContract();
        contract.data = new TenantData() {
            @Override
            public <T> T read(EntityManagerFactory unit, Function<EntityManager, T> work) {
                return db.inTransaction(work);
            }

            @Override
            public <T> T write(EntityManagerFactory unit, Function<EntityManager, T> work) {
                return db.inTransaction(work);
            }
        };
    }

    @Test
    void aPupilReadsHerMefWithItsLabel() {
        Map<String, List<Map<String, Object>>> out = export("aaf:eleve:1001");
        assertThat(out.get("mef")).singleElement().satisfies(r -> {
            assertThat(r).containsEntry("mef_code", "10310019110").containsEntry("mef_label", "3EME")
                    .containsEntry("school_uai", "0910001G");
        });
        assertThat(out.get("teaching")).isEmpty();
        assertThat(out.get("functions")).isEmpty();
        assertThat(out.get("person")).singleElement().satisfies(r -> assertThat(r).containsEntry("rights_lost_at",
                null));
    }

    @Test
    void aTeacherReadsTheSubjectsSheTeachesWhereAndAHeadHerFunction() {
        List<Map<String, Object>> teaching = export("aaf:perseducnat:2001").get("teaching");
        // in classes and in a teaching group, with the subject's label
        assertThat(teaching).extracting(r -> r.get("school_uai") + " " + r.get("class_name") + "/"
                + r.get("group_name") + " " + r.get("subject_code") + " " + r.get("subject_label"))
                .containsExactlyInAnyOrder("0910001G 3A/null 030201 ANGLAIS LV1",
                        "0910001G 3B/null 030201 ANGLAIS LV1", "0910001G null/3A-ANG1 030201 ANGLAIS LV1",
                        "0910002H 2NDE1/null 030201 ANGLAIS LV1");

        assertThat(export("aaf:perseducnat:2002").get("functions")).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("code", "DIR").containsEntry("label", "DIRECTION").containsKey("discipline_code"));
    }

    @Test
    void aPersonLeftByTheFeedReadsTheDateSheLostTheRight() {
        db.inTransaction(em -> em.createNativeQuery("UPDATE ent_user SET rights_lost_at = now()"
                + " WHERE external_id = 'aaf:responsable:5003'").executeUpdate());
        assertThat(export("aaf:responsable:5003").get("person")).singleElement()
                .satisfies(r -> assertThat(r.get("rights_lost_at")).isNotNull());
    }

    private Map<String, List<Map<String, Object>>> export(String externalId) {
        UUID id = UUID.fromString((String) db.inTransaction(em -> em.createNativeQuery(
                "SELECT CAST(id AS text) FROM ent_user WHERE external_id = ?1").setParameter(1, externalId)
                .getSingleResult()));
        Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
        contract.exportPerson(new Person(Optional.of(id), "sub", "login", "name"), new PersonalExport() {
            @Override
            public void section(String name, List<Map<String, Object>> rows) {
                sections.put(name, rows);
            }

            @Override
            public String file(String path, Content content) {
                throw new AssertionError("the directory exports no file");
            }
        });
        return sections;
    }

    private static java.io.InputStream open(Path p) {
        try {
            return Files.newInputStream(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
