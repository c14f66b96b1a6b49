package fr.ent.platform.apps.communities.data;

import fr.ent.platform.apps.communities.CommunitiesApp;
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
 * The communities app's data contract (ADR 0030, docs/data-protection.md). A person's export holds their places in
 * communities (member, administrator, invited, asking), the communities they created, the announcements and posts they
 * wrote (a neutralized post without its text).
 */
@ApplicationScoped
public class CommunitiesDataContract implements DataContract {

    @PersistenceUnit(unitName = CommunitiesApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Override
    public String app() {
        return CommunitiesApp.ID;
    }

    @Override
    public Statement personExport() {
        return Statement.done();
    }

    @Override
    public Statement personErasure() {
        return Statement.notYet("vient avec l'effacement d'un compte par un administrateur (issue 18 point 2), qui "
                + "l'appellera et la testera");
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
        into.section("memberships", data.read(unit, em -> Rows.select(em,
                "m.community_id, c.name, m.state, m.role, m.since",
                "community_member m JOIN community c ON c.id = m.community_id WHERE m.person_id = ?1"
                + " ORDER BY m.since", id)));
        into.section("communities", data.read(unit, em -> Rows.select(em,
                "id, name, description, created_at", "community WHERE created_by = ?1 ORDER BY created_at", id)));
        into.section("announcements", data.read(unit, em -> Rows.select(em,
                "id, community_id, title, content, created_at",
                "community_announcement WHERE author_id = ?1 ORDER BY created_at", id)));
        into.section("posts", data.read(unit, em -> Rows.select(em,
                "p.id, p.topic_id, t.title AS topic, CASE WHEN p.neutralized THEN NULL ELSE p.content END AS content, "
                + "p.created_at, p.neutralized",
                "community_post p JOIN community_topic t ON t.id = p.topic_id WHERE p.author_id = ?1"
                + " ORDER BY p.created_at", id)));
    }
}
