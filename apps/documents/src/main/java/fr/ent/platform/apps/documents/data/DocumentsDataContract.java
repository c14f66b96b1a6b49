package fr.ent.platform.apps.documents.data;

import fr.ent.platform.runtime.sharing.ShareRights;
import fr.ent.platform.runtime.data.FormerUser;
import fr.ent.platform.apps.documents.DocumentsApp;
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
import fr.ent.platform.runtime.storage.CollectivityFiles;
import fr.ent.platform.runtime.storage.FileStorage;
import fr.ent.platform.runtime.storage.ObjectKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The espace documentaire's data contract (ADR 0030, docs/data-protection.md). A person's export holds their folders
 * and files (trash included) with every version's facts, and the bytes of each file's latest version, copied from
 * the file store into the archive under {@code files/documents/<node id>/<name>} ({@code archive_files} maps one to
 * the other). What they uploaded into someone else's shared folder is that person's space, not exported here.
 */
@ApplicationScoped
public class DocumentsDataContract implements DataContract {

    /** What the collectivity transfer moves (ADR 0033): the app's tables, parents first. */
    public static final TransferTables TRANSFER = TransferTables.of().table("node", TableTransfer.Order.tree("id", "parent_id"), TableTransfer.Mode.REPLACE)
            .table("version", "1").table("quota", "1");

    @PersistenceUnit(unitName = DocumentsApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Inject
    ShareRights rights;

    @Inject
    FileStorage storage;

    @Override
    public String app() {
        return DocumentsApp.ID;
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
            return; // an account the directory does not know has no space
        }
        UUID id = person.directoryId().get();
        into.section("nodes", data.read(unit, em -> Rows.select(em,
                "id, parent_id, kind, name, trashed_at, created_at, updated_at",
                "node WHERE owner_id = ?1 ORDER BY created_at", id)));
        into.section("versions", data.read(unit, em -> Rows.select(em,
                "v.node_id, v.number, v.content_type, v.size, v.uploaded_by, v.uploaded_at",
                "version v JOIN node n ON n.id = v.node_id WHERE n.owner_id = ?1 ORDER BY v.node_id, v.number", id)));
        List<Map<String, Object>> latest = data.read(unit, em -> Rows.select(em,
                "n.id, n.name, v.number, v.object_key",
                "node n JOIN version v ON v.node_id = n.id WHERE n.owner_id = ?1 AND n.kind = 'file'"
                        + " AND v.number = (SELECT max(number) FROM version WHERE node_id = n.id) ORDER BY n.created_at",
                id));
        List<Map<String, Object>> copied = new ArrayList<>();
        for (Map<String, Object> file : latest) {
            // the table keeps the key's path; the collectivity is the current one's
            CollectivityFiles files = storage.current();
            ObjectKey key = files.key((String) file.get("object_key"));
            String path = into.file(file.get("id") + "/" + file.get("name"), () -> files.get(key).content());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("node_id", file.get("id"));
            row.put("version", file.get("number"));
            row.put("archive_path", path);
            copied.add(row);
        }
        into.section("archive_files", copied);
    }

    /**
     * Her space goes, every version's file with it, and its shares. A version she uploaded into someone else's
     * shared folder stays theirs, uploaded by a former user.
     */
    @Override
    public long erasePerson(Person person) {
        if (person.directoryId().isEmpty()) {
            return 0;
        }
        UUID id = person.directoryId().get();
        List<String> nodes = data.read(unit, em -> Rows.texts(em, "SELECT id FROM node WHERE owner_id = ?1", id));
        List<String> keys = data.read(unit, em -> Rows.texts(em,
                "SELECT v.object_key FROM version v JOIN node n ON n.id = v.node_id WHERE n.owner_id = ?1", id));
        long count = data.write(unit, em -> (long) Rows.update(em,
                "UPDATE version v SET uploaded_by = ?2 FROM node n WHERE n.id = v.node_id AND v.uploaded_by = ?1"
                        + " AND n.owner_id <> ?1", id, FormerUser.ID)
                + Rows.update(em, "DELETE FROM node WHERE owner_id = ?1", id));
        CollectivityFiles files = storage.current();
        for (String key : keys) {
            files.delete(files.key(key)); // after the rows: an orphan file at worst, never a row without its bytes
        }
        for (String node : nodes) {
            rights.forget(DocumentsApp.node(UUID.fromString(node)));
        }
        return count + keys.size();
    }

    @Override
    public void exportCollectivity(CollectivityExport out) {
        CollectivityFiles files = storage.current();
        data.read(unit, em -> {
            TRANSFER.export(em, out);
            TenantData.nativeSqlInSchema(em);
            // the stored files the rows name, read in the same snapshot as the rows
            try (java.util.stream.Stream<?> keys = em.createNativeQuery("SELECT object_key FROM version ORDER BY 1").getResultStream()) {
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
            if (path.startsWith("documents/")) {
                in.restoreFile(path);
            }
        }
    }
}
