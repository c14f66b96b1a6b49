package fr.ent.platform.apps.actualites.data;

import fr.ent.platform.runtime.data.FormerUser;
import fr.ent.platform.apps.actualites.ActualitesApp;
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
 * The actualites app's data contract (ADR 0030, docs/data-protection.md). A person's export holds the threads the
 * person owns, the news items and comments they wrote (a neutralized one without its text).
 */
@ApplicationScoped
public class ActualitesDataContract implements DataContract {

    /** What the collectivity transfer moves (ADR 0033): the app's tables, parents first. */
    public static final TransferTables TRANSFER = TransferTables.of().table("news_thread", "id").table("news_item", "id").table("news_comment", "id")
            .table("news_publication_notice", "1");

    @PersistenceUnit(unitName = ActualitesApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Override
    public String app() {
        return ActualitesApp.ID;
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
        into.section("threads", data.read(unit, em -> Rows.select(em,
                "id, title, structure_uai, created_at",
                "news_thread WHERE owner_id = ?1", id)));
        into.section("items", data.read(unit, em -> Rows.select(em,
                "id, thread_id, title, CASE WHEN neutralized THEN NULL ELSE content END AS content, "
                + "state, publish_at, expire_at, created_at, updated_at, neutralized",
                "news_item WHERE author_id = ?1 ORDER BY created_at", id)));
        into.section("comments", data.read(unit, em -> Rows.select(em,
                "id, item_id, CASE WHEN neutralized THEN NULL ELSE text END AS text, created_at, "
                + "neutralized",
                "news_comment WHERE author_id = ?1 ORDER BY created_at", id)));
    }

    /**
     * Her drafts and items not yet published go; what was published, and her comments, were read by others: they
     * stay, written by a former user. A thread she opened stays the school's, owned by a former user.
     */
    @Override
    public long erasePerson(Person person) {
        if (person.directoryId().isEmpty()) {
            return 0;
        }
        UUID id = person.directoryId().get();
        return data.write(unit, em -> (long) Rows.update(em,
                "DELETE FROM news_item WHERE author_id = ?1 AND state <> 'published'", id)
                + Rows.update(em, "UPDATE news_item SET author_id = ?2 WHERE author_id = ?1", id, FormerUser.ID)
                + Rows.update(em, "UPDATE news_comment SET author_id = ?2, author_name = ?3 WHERE author_id = ?1", id,
                        FormerUser.ID, FormerUser.NAME)
                + Rows.update(em, "UPDATE news_publication_notice SET publisher_id = ?2 WHERE publisher_id = ?1", id,
                        FormerUser.ID)
                + Rows.update(em, "UPDATE news_thread SET owner_id = ?2 WHERE owner_id = ?1", id, FormerUser.ID));
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
