package fr.ent.platform.apps.wiki.data;

import fr.ent.platform.runtime.data.FormerUser;
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
        return Statement.done();
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

    /** Versions she wrote are read by others: they stay, written by a former user; so do wikis she opened. */
    @Override
    public long erasePerson(Person person) {
        if (person.directoryId().isEmpty()) {
            return 0;
        }
        UUID id = person.directoryId().get();
        return data.write(unit, em -> (long) Rows.update(em, "UPDATE wiki_page p SET updated_by = ?2 WHERE EXISTS"
                        + " (SELECT 1 FROM wiki_page_version v WHERE v.page_id = p.id AND v.number = p.version"
                        + " AND v.author_id = ?1)", id, FormerUser.NAME)
                + Rows.update(em, "UPDATE wiki_page_version SET author_id = ?2, author_name = ?3 WHERE author_id = ?1",
                        id, FormerUser.ID, FormerUser.NAME)
                + Rows.update(em, "UPDATE wiki SET created_by = ?2 WHERE created_by = ?1", id, FormerUser.ID));
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
