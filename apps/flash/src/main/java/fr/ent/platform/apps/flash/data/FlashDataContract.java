package fr.ent.platform.apps.flash.data;

import fr.ent.platform.runtime.data.FormerUser;
import fr.ent.platform.apps.flash.FlashApp;
import fr.ent.platform.runtime.data.DataContract;
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
        return Statement.notYet("la sortie et l'entrée d'une collectivité entière (réversibilité, issue 18 point 5) "
                + "ne sont pas encore construites");
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
}
