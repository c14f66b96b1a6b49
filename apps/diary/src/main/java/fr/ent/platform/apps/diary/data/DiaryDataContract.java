package fr.ent.platform.apps.diary.data;

import fr.ent.platform.runtime.data.FormerUser;
import fr.ent.platform.apps.diary.DiaryApp;
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
 * The diary app's data contract (ADR 0030, docs/data-protection.md). A person's export holds the sessions and
 * homework the person wrote, and the documents they attached by reference.
 */
@ApplicationScoped
public class DiaryDataContract implements DataContract {

    /** What the collectivity transfer moves (ADR 0033): the app's tables, parents first. */
    public static final TransferTables TRANSFER = TransferTables.of().table("diary_entry", "id").table("diary_attachment", "1").table("diary_notice", "1");

    @PersistenceUnit(unitName = DiaryApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Override
    public String app() {
        return DiaryApp.ID;
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
        into.section("entries", data.read(unit, em -> Rows.select(em,
                "id, class_id, kind, day, subject, content, visible_from, created_at, updated_at",
                "diary_entry WHERE author_id = ?1 ORDER BY day", id)));
        into.section("attachments", data.read(unit, em -> Rows.select(em,
                "a.entry_id, a.document_id, a.name, a.content_type",
                "diary_attachment a JOIN diary_entry e ON e.id = a.entry_id WHERE e.author_id = ?1", id)));
    }

    /** What she wrote for a class was received by its pupils: it stays, written by a former user. */
    @Override
    public long erasePerson(Person person) {
        if (person.directoryId().isEmpty()) {
            return 0;
        }
        UUID id = person.directoryId().get();
        return data.write(unit, em -> (long) Rows.update(em,
                "UPDATE diary_entry SET author_id = ?2, author_name = ?3 WHERE author_id = ?1", id, FormerUser.ID,
                FormerUser.NAME)
                + Rows.update(em, "UPDATE diary_notice SET author_id = ?2 WHERE author_id = ?1", id, FormerUser.ID));
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
