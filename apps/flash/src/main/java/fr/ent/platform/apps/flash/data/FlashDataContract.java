package fr.ent.platform.apps.flash.data;

import fr.ent.platform.runtime.data.FormerUser;
import fr.ent.platform.apps.flash.FlashApp;
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
 * The flash app's data contract (ADR 0030, docs/data-protection.md). A person's export holds the flash messages
 * the person wrote (by login) and those they dismissed (by account).
 */
@ApplicationScoped
public class FlashDataContract implements DataContract {

    /** What the collectivity transfer moves (ADR 0033): the app's tables, parents first. */
    public static final TransferTables TRANSFER = TransferTables.of().table("flash_message", "id").table("flash_dismissal", "1");

    @PersistenceUnit(unitName = FlashApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Override
    public String app() {
        return FlashApp.ID;
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
        into.section("written", data.read(unit, em -> Rows.select(em,
                "id, title, text, level, profiles, structures, starts_at, ends_at, created_at, updated_at",
                "flash_message WHERE author = ?2 ORDER BY created_at", person.subject(), person.username())));
        into.section("dismissed", data.read(unit, em -> Rows.select(em,
                "message_id, dismissed_at",
                "flash_dismissal WHERE user_subject = ?1", person.subject(), person.username())));
    }

    /** Her dismissals go; a flash she wrote was received by others: it stays, written by a former user. */
    @Override
    public long erasePerson(Person person) {
        return data.write(unit, em -> (long) Rows.update(em, "DELETE FROM flash_dismissal WHERE user_subject = ?1",
                person.subject())
                + (person.username().isEmpty() ? 0 : Rows.update(em,
                        "UPDATE flash_message SET author = ?2 WHERE author = ?1", person.username(), FormerUser.LOGIN)));
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
