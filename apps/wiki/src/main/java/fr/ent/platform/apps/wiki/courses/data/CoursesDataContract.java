package fr.ent.platform.apps.wiki.courses.data;

import fr.ent.platform.apps.wiki.WikiApp;
import fr.ent.platform.apps.wiki.courses.CoursesApp;
import fr.ent.platform.runtime.data.CollectivityExport;
import fr.ent.platform.runtime.data.CollectivityImport;
import fr.ent.platform.runtime.data.DataContract;
import fr.ent.platform.runtime.data.FormerUser;
import fr.ent.platform.runtime.data.Person;
import fr.ent.platform.runtime.data.PersonalExport;
import fr.ent.platform.runtime.data.Rows;
import fr.ent.platform.runtime.data.Statement;
import fr.ent.platform.runtime.data.TransferTables;
import fr.ent.platform.runtime.persistence.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.UUID;

/**
 * The courses' data contract (ADR 0030, docs/data-protection.md). A person's export holds the courses they created,
 * with the prompt and parameters of a generated one (the audit of what was sent to the AI provider on their behalf),
 * and those courses' chapters. A chapter keeps its last writer's name, not their id: chapters of others' courses
 * cannot be told theirs and stay out. The tables are reached through the wiki module's persistence unit (the same
 * module, ADR 0035), in the collectivity's schema as always. Erasure: her drafts go (ADR 0032: a draft is its
 * writer's, as unpublished news); published courses belong to their class or school and stay, created by "Ancien
 * utilisateur", and so do chapters she wrote. The collectivity transfer moves the three tables (attachments name
 * documents by id; the documents app moves their files).
 */
@ApplicationScoped
public class CoursesDataContract implements DataContract {

    /** What the collectivity transfer moves (ADR 0033): the app's tables, parents first. */
    public static final TransferTables TRANSFER = TransferTables.of().table("course", "id")
            .table("course_chapter", "id").table("course_attachment", "1");

    @PersistenceUnit(unitName = WikiApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Override
    public String app() {
        return CoursesApp.ID;
    }

    @Override
    public Statement personExport() {
        return Statement.done();
    }

    @Override
    public Statement personErasure() {
        return Statement.done();
    }

    @Override
    public Statement collectivityTransfer() {
        return Statement.done();
    }

    @Override
    public void exportPerson(Person person, PersonalExport into) {
        if (person.directoryId().isEmpty()) {
            return;
        }
        UUID id = person.directoryId().get();
        into.section("courses", data.read(unit, em -> Rows.select(em, "id, owner_kind, owner_id, title, level, subject,"
                + " duration_minutes, state, created_at, published_at, ai_prompt, ai_parameters",
                "course WHERE created_by = ?1 ORDER BY created_at", id)));
        into.section("chapters", data.read(unit, em -> Rows.select(em,
                "c.course_id, c.position, c.title, c.objectives, c.content, c.exercises, c.ai_written, c.updated_at",
                "course_chapter c JOIN course k ON k.id = c.course_id WHERE k.created_by = ?1"
                        + " ORDER BY c.course_id, c.position", id)));
    }

    /**
     * Her drafts go, with their chapters and attachment references (cascade). Her published courses are their class's
     * or school's and stay, created by the former user. A chapter keeps its last writer's name, not an id: the
     * chapters whose writer is shown under her name are shown as the former user's (a homonym's chapter would be
     * too, the lesser harm than leaving her name). One transaction; a second call finds nothing more.
     */
    @Override
    public long erasePerson(Person person) {
        if (person.directoryId().isEmpty()) {
            return 0;
        }
        UUID id = person.directoryId().get();
        String name = person.displayName() == null ? "" : person.displayName().strip();
        return data.write(unit, em -> (long) Rows.update(em, "DELETE FROM course WHERE created_by = ?1"
                        + " AND state = 'draft'", id)
                + Rows.update(em, "UPDATE course SET created_by = ?2 WHERE created_by = ?1", id, FormerUser.ID)
                + (name.isEmpty() ? 0 : Rows.update(em, "UPDATE course_chapter SET updated_by = ?2"
                        + " WHERE updated_by = ?1", name, FormerUser.NAME)));
    }

    @Override
    public void exportCollectivity(CollectivityExport out) {
        data.read(unit, em -> {
            TRANSFER.export(em, out);
            return null;
        });
    }

    @Override
    public void importCollectivity(CollectivityImport in) {
        data.write(unit, em -> {
            TRANSFER.load(em, in);
            return null;
        });
    }
}
