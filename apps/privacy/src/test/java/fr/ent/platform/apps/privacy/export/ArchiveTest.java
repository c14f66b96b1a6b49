package fr.ent.platform.apps.privacy.export;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.runtime.data.DataContract;
import fr.ent.platform.runtime.data.Person;
import fr.ent.platform.runtime.data.PersonalExport;
import fr.ent.platform.runtime.data.Statement;
import fr.ent.platform.runtime.tenant.Tenant;
import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenancy.TenantState;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive a person downloads: its entries, its JSON, its README, its manifest (format ent-personal-export/1). */
class ArchiveTest {

    private static final Tenant LYON = new Tenant(UUID.randomUUID(), "lyon", "Métropole de Lyon", TenantState.ACTIVE,
            TenantNames.of(fr.ent.platform.tenancy.Slug.of("lyon")), "1", Optional.empty());
    private static final Person LEA = new Person(Optional.of(UUID.randomUUID()), "sub-1", "lea.durand", "Léa Durand");

    @Test
    void oneJsonPerAppTheFilesAManifestAndAFrenchReadme(@TempDir Path dir) throws Exception {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("subject", "Sortie « musée »\n\"guillemets\"");
        row.put("unread", true);
        row.put("size", 42L);
        row.put("read_at", null);
        DataContract mail = contract("messagerie", Statement.done(), (p, into) -> {
            into.section("messages", List.of(row));
            into.section("folders", List.of());
        });
        DataContract docs = contract("documents", Statement.done(), (p, into) -> {
            String first = into.file("n1/../rapport:final.pdf", () -> new ByteArrayInputStream(new byte[] {1, 2, 3}));
            String second = into.file("n1/../rapport:final.pdf", () -> new ByteArrayInputStream(new byte[] {4}));
            into.section("archive_files", List.of(Map.of("a", first), Map.of("a", second)));
        });
        DataContract wiki = contract("wiki", Statement.notYet("pas encore écrit"), null);
        List<String> steps = new ArrayList<>();
        Path zip = dir.resolve("a.zip");

        new Archive(LYON, LEA, List.of(docs, mail, wiki), Instant.parse("2026-12-04T10:00:00Z"))
                .write(zip, (done, app) -> steps.add(done + ":" + app));

        assertThat(steps).containsExactly("0:documents", "1:messagerie");
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertThat(z.stream().map(ZipEntry::getName)).containsExactlyInAnyOrder(
                    "files/documents/n1/fichier/rapport_final.pdf",
                    "files/documents/n1/fichier/rapport_final (2).pdf", "documents.json", "messagerie.json",
                    "manifeste.json", "LISEZMOI.txt");
            JsonObject messagerie = json(z, "messagerie.json");
            assertThat(messagerie.getString("format")).isEqualTo("ent-personal-export/1");
            JsonObject message = messagerie.getJsonObject("sections").getJsonArray("messages").getJsonObject(0);
            assertThat(message.getString("subject")).isEqualTo("Sortie « musée »\n\"guillemets\"");
            assertThat(message.getBoolean("unread")).isTrue();
            assertThat(message.getJsonNumber("size").longValue()).isEqualTo(42);
            assertThat(message.isNull("read_at")).isTrue();
            assertThat(messagerie.getJsonObject("sections").getJsonArray("folders")).isEmpty();
            assertThat(z.getInputStream(z.getEntry("files/documents/n1/fichier/rapport_final.pdf")).readAllBytes())
                    .containsExactly(1, 2, 3);

            JsonObject manifest = json(z, "manifeste.json");
            assertThat(manifest.getJsonObject("person").getString("login")).isEqualTo("lea.durand");
            assertThat(manifest.getJsonObject("collectivity").getString("slug")).isEqualTo("lyon");
            assertThat(manifest.getJsonArray("apps").getValuesAs(JsonObject.class))
                    .extracting(a -> a.getString("app") + "=" + a.getString("export") + ":"
                            + (a.isNull("file") ? "-" : a.getString("file")))
                    .containsExactly("documents=DONE:documents.json", "messagerie=DONE:messagerie.json",
                            "wiki=NOT_YET:-");

            String readme = new String(z.getInputStream(z.getEntry("LISEZMOI.txt")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(readme).contains("VOS DONNÉES — Métropole de Lyon", "« lea.durand »", "4 décembre 2026",
                    "messagerie.json : vos messages", "documents.json", "manifeste.json",
                    "wiki : pas encore exporté — pas encore écrit", "articles 15 et 20");
        }
    }

    @Test
    void progressAndNames() {
        ExportJob running = new ExportJob(UUID.randomUUID(), ExportJob.State.RUNNING, 3, 12, "messagerie", null, null,
                Instant.now(), null, null);
        assertThat(running.percent()).isEqualTo(25);
        assertThat(running.working()).isTrue();
        ExportJob ready = new ExportJob(UUID.randomUUID(), ExportJob.State.READY, 12, 12, null, 10L, null,
                Instant.now(), Instant.now(), Instant.now());
        assertThat(ready.percent()).isEqualTo(100);
        assertThat(ready.working()).isFalse();
        assertThat(Archive.fileName("lyon", Instant.parse("2026-12-04T23:30:00Z")))
                .isEqualTo("mes-donnees-lyon-2026-12-04.zip");
    }

    private static JsonObject json(ZipFile z, String name) throws Exception {
        String text = new String(z.getInputStream(z.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static DataContract contract(String app, Statement export,
            java.util.function.BiConsumer<Person, PersonalExport> writes) {
        return new DataContract() {
            @Override
            public String app() {
                return app;
            }

            @Override
            public Statement personExport() {
                return export;
            }

            @Override
            public Statement personErasure() {
                return Statement.notYet("later");
            }

            @Override
            public Statement collectivityTransfer() {
                return Statement.notYet("later");
            }

            @Override
            public void exportPerson(Person person, PersonalExport into) {
                writes.accept(person, into);
            }
        };
    }
}
