package fr.ent.platform.apps.messagerie.data;

import fr.ent.platform.runtime.storage.FileStorage;
import fr.ent.platform.runtime.storage.ObjectKey;
import java.util.ArrayList;
import java.util.List;
import fr.ent.platform.runtime.data.FormerUser;
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

    /**
     * Her boxes and folders go. A message she wrote that someone else still holds stays, its author a former user;
     * one nobody else holds (a draft, a message its addressees deleted) goes with its files. Where she is named as an
     * addressee of a message others keep, the name becomes a former user's.
     */
    @Override
    public long erasePerson(Person person) {
        if (person.directoryId().isEmpty()) {
            return 0;
        }
        UUID id = person.directoryId().get();
        List<String> gone = new ArrayList<>();
        long count = data.write(unit, em -> {
            long n = Rows.update(em, "DELETE FROM mailbox_entry WHERE user_id = ?1", id);
            n += Rows.update(em, "DELETE FROM folder WHERE owner_id = ?1", id);
            gone.addAll(Rows.texts(em, "SELECT t.object_key FROM attachment t JOIN message m ON m.id = t.message_id"
                    + " WHERE m.author_id IN (?1, ?2) AND t.object_key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM"
                    + " mailbox_entry e WHERE e.message_id = m.id)", id, FormerUser.ID));
            n += Rows.update(em, "DELETE FROM message m WHERE m.author_id IN (?1, ?2) AND NOT EXISTS (SELECT 1 FROM"
                    + " mailbox_entry e WHERE e.message_id = m.id)", id, FormerUser.ID);
            n += Rows.update(em, "UPDATE message SET author_id = ?2, author_name = ?3, send_key = NULL"
                    + " WHERE author_id = ?1", id, FormerUser.ID, FormerUser.NAME);
            n += Rows.update(em, "UPDATE attachment SET owner_id = ?2 WHERE owner_id = ?1", id, FormerUser.ID);
            n += Rows.update(em, "UPDATE attachment SET shared_by = ?2 WHERE shared_by = ?1", id, FormerUser.ID);
            // a fresh id per row: the key (message, kind, addressee) stays unique when two erased persons shared one
            n += Rows.update(em, "UPDATE message_addressee SET addressee_id = gen_random_uuid(), name = ?2"
                    + " WHERE kind = 'USER' AND addressee_id = ?1", id, FormerUser.NAME);
            if (!gone.isEmpty()) {
                List<String> still = Rows.texts(em, "SELECT DISTINCT object_key FROM attachment WHERE object_key ="
                        + " ANY (string_to_array(?1, '|'))", String.join("|", gone));
                gone.removeAll(still);
            }
            return n;
        });
        for (String key : gone) {
            storage.current().delete(ObjectKey.parse(key)); // after the rows: an orphan file, never a row without one
        }
        return count;
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
