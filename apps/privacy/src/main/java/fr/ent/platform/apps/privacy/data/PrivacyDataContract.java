package fr.ent.platform.apps.privacy.data;

import fr.ent.platform.runtime.storage.FileStorage;
import fr.ent.platform.runtime.storage.ObjectKey;
import java.util.List;
import fr.ent.platform.apps.privacy.PrivacyApp;
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

/**
 * The privacy app's data contract (ADR 0030, docs/data-protection.md). A person's export holds the person's
 * requests for their data.
 */
@ApplicationScoped
public class PrivacyDataContract implements DataContract {

    /** What the collectivity transfer moves (ADR 0033): the app's tables, parents first. */
    public static final TransferTables TRANSFER = TransferTables.of()
            .leftOut("personal_export", "les demandes d'archive personnelle et leurs archives restent à la plateforme qui "
                    + "les a faites (gardées 7 jours) : la personne en demande une nouvelle sur la nouvelle plateforme")
            .leftOut("collectivity_transfer", "les exports et imports de la collectivité sont le journal de travail de "
                    + "cette plateforme-ci");

    @PersistenceUnit(unitName = PrivacyApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Inject
    FileStorage storage;

    @Override
    public String app() {
        return PrivacyApp.ID;
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
        into.section("export_requests", data.read(unit, em -> Rows.select(em,
                "id, state, requested_at, finished_at, expires_at, size",
                "personal_export WHERE subject = ?1 ORDER BY requested_at", person.subject())));
    }

    /** Her requests go, and their archives with them (the file first: a row left behind is retried). */
    @Override
    public long erasePerson(Person person) {
        List<String> keys = data.read(unit, em -> Rows.texts(em,
                "SELECT object_key FROM personal_export WHERE subject = ?1 AND object_key IS NOT NULL",
                person.subject()));
        for (String key : keys) {
            storage.current().delete(ObjectKey.parse(key));
        }
        return data.write(unit, em -> (long) Rows.update(em, "DELETE FROM personal_export WHERE subject = ?1",
                person.subject()));
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
