package fr.ent.platform.apps.actualites.data;

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
        return Statement.notYet("vient avec l'effacement d'un compte par un administrateur (issue 18 point 2), qui "
                + "l'appellera et la testera");
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
