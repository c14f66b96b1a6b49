package fr.ent.platform.apps.moderation.data;

import fr.ent.platform.runtime.data.FormerUser;
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
        return Statement.done();
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

    /**
     * Reports and decisions are evidence: anonymised, not deleted (the reporter, the moderator and the reported
     * author become a former user; what was reported stays as it was seen). The moderation journal is append-only
     * and kept, like the console's.
     */
    @Override
    public long erasePerson(Person person) {
        UUID id = person.directoryId().orElse(FormerUser.ID);
        String login = person.username().isEmpty() ? FormerUser.LOGIN : person.username();
        return data.write(unit, em -> (long) Rows.update(em,
                "UPDATE moderation_report SET reporter = ?2, reporter_name = ?3 WHERE reporter = ?1", login,
                FormerUser.LOGIN, FormerUser.NAME)
                + Rows.update(em, "UPDATE moderation_decision SET moderator = ?2 WHERE moderator = ?1", login,
                        FormerUser.LOGIN)
                + Rows.update(em, "UPDATE moderated_content SET author_id = ?2, author_name = ?3 WHERE author_id = ?1"
                        + " AND author_id <> ?2", id, FormerUser.ID, FormerUser.NAME));
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
