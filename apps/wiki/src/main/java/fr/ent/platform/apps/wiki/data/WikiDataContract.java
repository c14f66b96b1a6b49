package fr.ent.platform.apps.wiki.data;

import fr.ent.platform.apps.wiki.WikiApp;
import fr.ent.platform.runtime.data.DataContract;
import fr.ent.platform.runtime.data.TransferTables;
import fr.ent.platform.runtime.data.TableTransfer;
import fr.ent.platform.runtime.data.CollectivityImport;
import fr.ent.platform.runtime.data.CollectivityExport;
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

    /** What the collectivity transfer moves (ADR 0033): the app's tables, parents first. */
    public static final TransferTables TRANSFER = TransferTables.of().table("wiki", "id")
            .table("wiki_page", TableTransfer.Order.tree("id", "parent_id"), TableTransfer.Mode.REPLACE)
            .table("wiki_page_version", "1");

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
        return Statement.done();
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
