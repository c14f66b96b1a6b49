package fr.ent.platform.apps.wiki.courses.data;

import fr.ent.platform.apps.wiki.WikiApp;
import fr.ent.platform.apps.wiki.courses.CoursesApp;
import fr.ent.platform.runtime.data.DataContract;
import fr.ent.platform.runtime.data.Person;
import fr.ent.platform.runtime.data.PersonalExport;
import fr.ent.platform.runtime.data.Rows;
import fr.ent.platform.runtime.data.Statement;
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
 * module, ADR 0035), in the collectivity's schema as always.
 */
@ApplicationScoped
public class CoursesDataContract implements DataContract {

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
        return Statement.notYet("vient avec l'effacement d'un compte par un administrateur (issue 18 point 2) : les "
                + "cours publiés restent ceux d'un ancien utilisateur, comme les pages du wiki");
    }

    @Override
    public Statement collectivityTransfer() {
        return Statement.notYet("la sortie et l'entrée d'une collectivité entière (réversibilité, issue 18 point 5) "
                + "ne sont pas encore construites");
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
}
