package fr.ent.platform.apps.console.data;

import fr.ent.platform.apps.console.ConsoleApp;
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
 * The console app's data contract (ADR 0030, docs/data-protection.md). A person's export holds the entries of the
 * audit trail of what the person did (by login) and of what was done about them.
 */
@ApplicationScoped
public class ConsoleDataContract implements DataContract {

    /** What the collectivity transfer moves (ADR 0033): the app's tables, parents first. */
    public static final TransferTables TRANSFER = TransferTables.of()
            .table("console_audit", TableTransfer.Order.by("seq"), TableTransfer.Mode.APPEND)
            .leftOut("person_erasure", "the erasure jobs of the former platform: each is in the audit trail, which moves");

    @PersistenceUnit(unitName = ConsoleApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Override
    public String app() {
        return ConsoleApp.ID;
    }

    @Override
    public Statement personExport() {
        return Statement.done();
    }

    @Override
    public Statement personErasure() {
        return Statement.kept("le journal d'audit est en ajout seul et sert de preuve : il est conservé pour la "
                + "durée de conservation des journaux (règle log-retention) ; sa purge après ce délai "
                + "n'est pas encore construite");
    }

    @Override
    public Statement collectivityTransfer() {
        return Statement.done();
    }

    @Override
    public void exportPerson(Person person, PersonalExport into) {
        String idText = person.directoryId().map(UUID::toString).orElse("-");
        into.section("my_actions", data.read(unit, em -> Rows.select(em,
                "seq, at, action, target_kind, target_id, target_label, outcome, detail",
                "console_audit WHERE actor = ?2 ORDER BY seq", idText, person.username())));
        into.section("about_me", data.read(unit, em -> Rows.select(em,
                "seq, at, actor, action, outcome, detail",
                "console_audit WHERE target_kind = 'person' AND target_id = ?1 ORDER BY seq", idText, person.username())));
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
