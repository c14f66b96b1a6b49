package fr.ent.platform.apps.notifications.data;

import fr.ent.platform.apps.notifications.NotificationsApp;
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
 * The notifications app's data contract (ADR 0030, docs/data-protection.md). A person's export holds the
 * notifications delivered to the person (in every language they were written in), those they caused, their choices
 * per type and their quiet hours.
 */
@ApplicationScoped
public class NotificationsDataContract implements DataContract {

    /** What the collectivity transfer moves (ADR 0033): the app's tables, parents first. */
    public static final TransferTables TRANSFER = TransferTables.of().table("notice", "id").table("fan_out", "1").table("delivery", "1")
            .table("preference", "1").table("quiet_range", "1");

    @PersistenceUnit(unitName = NotificationsApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Override
    public String app() {
        return NotificationsApp.ID;
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
        into.section("received", data.read(unit, em -> Rows.select(em,
                "n.id, n.type, n.text_fr, n.text_en, n.text_es, n.link, n.created_at, d.visible_at, "
                + "d.read_at, d.email",
                "delivery d JOIN notice n ON n.id = d.notice_id WHERE d.recipient_id = ?1 ORDER BY "
                + "d.visible_at", id)));
        into.section("posted", data.read(unit, em -> Rows.select(em,
                "id, type, text_fr, link, created_at",
                "notice WHERE author_id = ?1 ORDER BY created_at", id)));
        into.section("preferences", data.read(unit, em -> Rows.select(em,
                "type, shown, emailed",
                "preference WHERE user_id = ?1 ORDER BY type", id)));
        into.section("quiet_hours", data.read(unit, em -> Rows.select(em,
                "days, starts_minute, ends_minute",
                "quiet_range WHERE owner_kind = 'USER' AND owner_id = ?1", id)));
    }

    /**
     * Her timeline, preferences and quiet hours go; the notices she caused (e.g. "X sent you a message") go from
     * everyone's timeline too: they name her, and what they point to keeps its own record (ADR 0032).
     */
    @Override
    public long erasePerson(Person person) {
        if (person.directoryId().isEmpty()) {
            return 0;
        }
        UUID id = person.directoryId().get();
        return data.write(unit, em -> (long) Rows.update(em, "DELETE FROM delivery WHERE recipient_id = ?1", id)
                + Rows.update(em, "DELETE FROM notice WHERE author_id = ?1", id)
                + Rows.update(em, "DELETE FROM preference WHERE user_id = ?1", id)
                + Rows.update(em, "DELETE FROM quiet_range WHERE owner_kind = 'USER' AND owner_id = ?1", id));
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
