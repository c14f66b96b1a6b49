package fr.ent.platform.apps.sharing.data;

import fr.ent.platform.runtime.data.FormerUser;
import fr.ent.platform.apps.sharing.SharingApp;
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
 * The sharing app's data contract (ADR 0030, docs/data-protection.md). A person's export holds what the person
 * shared and with whom, and what was shared with them by name (shares to their groups are the groups').
 */
@ApplicationScoped
public class SharingDataContract implements DataContract {

    /** What the collectivity transfer moves (ADR 0033): the app's tables, parents first. */
    public static final TransferTables TRANSFER = TransferTables.of().table("shared_resource", "1").table("resource_share", "1");

    @PersistenceUnit(unitName = SharingApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Override
    public String app() {
        return SharingApp.ID;
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
        into.section("owned", data.read(unit, em -> Rows.select(em,
                "id, app, type, resource_id, title, created_at",
                "shared_resource WHERE owner_id = ?1", id)));
        into.section("shared_by_me", data.read(unit, em -> Rows.select(em,
                "r.app, r.type, r.resource_id, s.grantee_kind, s.grantee_id, s.right_level",
                "resource_share s JOIN shared_resource r ON r.id = s.resource_id WHERE r.owner_id = ?1", id)));
        into.section("shared_with_me", data.read(unit, em -> Rows.select(em,
                "r.app, r.type, r.resource_id, r.title, s.right_level",
                "resource_share s JOIN shared_resource r ON r.id = s.resource_id WHERE s.grantee_kind = "
                + "'user' AND s.grantee_id = ?1", id)));
    }

    /**
     * What was shared with her goes. What she shared with others stays shared (the app that owns the resource
     * decides whether it goes, e.g. documents forgets her files): its owner becomes a former user.
     */
    @Override
    public long erasePerson(Person person) {
        if (person.directoryId().isEmpty()) {
            return 0;
        }
        UUID id = person.directoryId().get();
        return data.write(unit, em -> (long) Rows.update(em,
                "DELETE FROM resource_share WHERE grantee_kind = 'user' AND grantee_id = ?1", id)
                + Rows.update(em, "UPDATE shared_resource SET owner_id = ?2 WHERE owner_id = ?1", id, FormerUser.ID));
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
