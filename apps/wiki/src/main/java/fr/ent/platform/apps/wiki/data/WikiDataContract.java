package fr.ent.platform.apps.wiki.data;

import fr.ent.platform.apps.wiki.WikiApp;
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
 * The wiki's data contract (ADR 0030, docs/data-protection.md), courses included (ADR 0035: their tables are the
 * wiki module's). A person's export holds the wikis they opened and every version of a page they wrote (title and
 * content as saved), the courses they created (with the prompt and parameters of a generated one) and those courses'
 * chapters: what the wiki and the courses keep with their name. A chapter keeps its last writer's name only, not
 * their id, so chapters of others' courses are not theirs to export.
 */
@ApplicationScoped
public class WikiDataContract implements DataContract {

    @PersistenceUnit(unitName = WikiApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Override
    public String app() {
        return WikiApp.ID;
    }

    @Override
    public Statement personExport() {
        return Statement.done();
    }

    @Override
    public Statement personErasure() {
        return Statement.notYet("vient avec l'effacement d'un compte par un administrateur (issue 18 point 2) : les "
                + "versions écrites restent celles d'un ancien utilisateur, comme les messages reçus par d'autres");
    }

    @Override
    public Statement collectivityTransfer() {
        return Statement.notYet("la sortie et l'entrée d'une collectivité entière (réversibilité, issue 18 point 5) "
                + "ne sont pas encore construites");
    }

    @Override
    public void exportPerson(Person person, PersonalExport into) {
        if (person.directoryId().isEmpty()) {
            return; // an account the directory does not know holds nothing here
        }
        UUID id = person.directoryId().get();
        into.section("wikis", data.read(unit, em -> Rows.select(em, "id, owner_kind, owner_id, title, created_at",
                "wiki WHERE created_by = ?1 ORDER BY created_at", id)));
        into.section("versions", data.read(unit, em -> Rows.select(em,
                "v.page_id, p.wiki_id, v.number, v.title, v.content, v.created_at, v.restored_from",
                "wiki_page_version v JOIN wiki_page p ON p.id = v.page_id WHERE v.author_id = ?1"
                        + " ORDER BY v.created_at", id)));
        into.section("courses", data.read(unit, em -> Rows.select(em, "id, owner_kind, owner_id, title, level, subject,"
                + " duration_minutes, state, created_at, published_at, ai_prompt, ai_parameters",
                "course WHERE created_by = ?1 ORDER BY created_at", id)));
        into.section("course_chapters", data.read(unit, em -> Rows.select(em,
                "c.course_id, c.position, c.title, c.objectives, c.content, c.exercises, c.ai_written, c.updated_at",
                "course_chapter c JOIN course k ON k.id = c.course_id WHERE k.created_by = ?1"
                        + " ORDER BY c.course_id, c.position", id)));
    }
}
