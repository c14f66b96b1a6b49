package fr.ent.platform.apps.messagerie.data;

import fr.ent.platform.apps.messagerie.MessagerieApp;
import fr.ent.platform.runtime.data.DataContract;
import fr.ent.platform.runtime.storage.CollectivityFiles;
import fr.ent.platform.runtime.storage.FileStorage;
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
 * The messagerie app's data contract (ADR 0030, docs/data-protection.md). A person's export holds every message
 * the person holds (received, sent, drafts; a neutralized one without its body, as they see it), its addressees
 * (Bcc only to its author), their folders and the list of attachments (names and sizes; the attachments' bytes are
 * not copied yet).
 */
@ApplicationScoped
public class MessagerieDataContract implements DataContract {

    /** What the collectivity transfer moves (ADR 0033): the app's tables, parents first. */
    public static final TransferTables TRANSFER = TransferTables.of().table("message", TableTransfer.Order.tree("id", "parent_id"), TableTransfer.Mode.REPLACE)
            .table("message_addressee", "1")
            .table("folder", TableTransfer.Order.tree("id", "parent_id"), TableTransfer.Mode.REPLACE)
            .table("mailbox_entry", "1").table("attachment", "1");

    @PersistenceUnit(unitName = MessagerieApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Inject
    FileStorage storage;

    @Override
    public String app() {
        return MessagerieApp.ID;
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
        into.section("messages", data.read(unit, em -> Rows.select(em,
                "m.id, m.thread_id, m.parent_id, e.box, f.name AS folder, e.unread, e.trashed, "
                + "m.author_id, m.author_name, m.subject, CASE WHEN m.neutralized THEN NULL ELSE m.body END "
                + "AS body, m.state, m.created_at, m.sent_at, m.neutralized",
                "mailbox_entry e JOIN message m ON m.id = e.message_id LEFT JOIN folder f ON f.id = "
                + "e.folder_id WHERE e.user_id = ?1 ORDER BY e.at", id)));
        into.section("addressees", data.read(unit, em -> Rows.select(em,
                "a.message_id, a.field, a.kind, a.addressee_id, a.name",
                "message_addressee a JOIN mailbox_entry e ON e.message_id = a.message_id AND e.user_id = "
                + "?1 JOIN message m ON m.id = a.message_id WHERE a.field <> 'BCC' OR m.author_id = ?1", id)));
        into.section("folders", data.read(unit, em -> Rows.select(em,
                "id, parent_id, name, created_at",
                "folder WHERE owner_id = ?1", id)));
        into.section("attachments", data.read(unit, em -> Rows.select(em,
                "t.id, t.message_id, t.name, t.content_type, t.size, t.owner_id, t.document_id",
                "attachment t JOIN mailbox_entry e ON e.message_id = t.message_id AND e.user_id = ?1", id)));
    }

    @Override
    public void exportCollectivity(CollectivityExport out) {
        CollectivityFiles files = storage.current();
        data.read(unit, em -> {
            TRANSFER.export(em, out);
            TenantData.nativeSqlInSchema(em);
            // the stored files the rows name, read in the same snapshot as the rows
            try (java.util.stream.Stream<?> keys = em.createNativeQuery("SELECT object_key FROM attachment WHERE object_key IS NOT NULL ORDER BY 1").getResultStream()) {
                keys.forEach(key -> out.file(files.key((String) key)));
            }
            return null;
        });
    }

    @Override
    public void importCollectivity(CollectivityImport in) {
        data.write(unit, em -> {
            TRANSFER.load(em, in);
            return null;
        });
        for (String path : in.files()) {
            if (path.startsWith("messagerie/")) {
                in.restoreFile(path);
            }
        }
    }
}
