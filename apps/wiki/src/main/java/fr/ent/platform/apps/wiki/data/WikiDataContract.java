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
 * The wiki's data contract (ADR 0030, docs/data-protection.md). A person's export holds the wikis they opened and
 * every version of a page they wrote (title and content as saved): what the wiki keeps with their name.
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
    }
}
