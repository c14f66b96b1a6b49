package fr.ent.platform.apps.moderation.data;

import fr.ent.platform.apps.moderation.ModerationApp;
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
 * The moderation app's data contract (ADR 0030, docs/data-protection.md). A person's export holds the person's
 * reports, the reported contents they wrote (their state, not the evidence kept for the moderators) and, for a
 * moderator, their decisions.
 */
@ApplicationScoped
public class ModerationDataContract implements DataContract {

    /** What the collectivity transfer moves (ADR 0033): the app's tables, parents first. */
    public static final TransferTables TRANSFER = TransferTables.of().table("moderated_content", "1").table("moderation_report", "1")
            .table("moderation_decision", "1")
            .table("moderation_audit", TableTransfer.Order.by("seq"), TableTransfer.Mode.APPEND);

    @PersistenceUnit(unitName = ModerationApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Override
    public String app() {
        return ModerationApp.ID;
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
        if (person.directoryId().isEmpty() && person.username().isEmpty()) {
            return; // an account the directory does not know holds nothing here
        }
        UUID id = person.directoryId().orElse(new UUID(0, 0));
        into.section("reports", data.read(unit, em -> Rows.select(em,
                "r.id, c.app, c.kind, c.content_id, r.reason, r.comment, r.created_at",
                "moderation_report r JOIN moderated_content c ON c.id = r.content_id WHERE r.reporter = "
                + "?2 ORDER BY r.created_at", id, person.username())));
        into.section("my_reported_contents", data.read(unit, em -> Rows.select(em,
                "id, app, kind, content_id, state, reported_at",
                "moderated_content WHERE author_id = ?1", id, person.username())));
        into.section("decisions", data.read(unit, em -> Rows.select(em,
                "content_id, action, reason, decided_at",
                "moderation_decision WHERE moderator = ?2 ORDER BY decided_at", id, person.username())));
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
