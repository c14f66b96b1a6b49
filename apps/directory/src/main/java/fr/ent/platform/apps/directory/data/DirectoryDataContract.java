package fr.ent.platform.apps.directory.data;

import fr.ent.platform.apps.directory.DirectoryApp;
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
 * The directory app's data contract (ADR 0030, docs/data-protection.md). A person's export holds the person's
 * entry of the directory (with the date they lost the right, if they did), their classes, groups, schools, family
 * links, own settings, linked identities, the duplicates merged into them, and what the national directory feed
 * (AAF) says of them: their MEF, the subjects they teach where, their functions. The BE1D import files kept with an import (be1d_import) are the school's records,
 * not exported per person.
 */
@ApplicationScoped
public class DirectoryDataContract implements DataContract {

    /** What the collectivity transfer moves (ADR 0033): the app's tables, parents first. */
    public static final TransferTables TRANSFER = TransferTables.of()
            // the new collectivity's own settings (slug, name, kind, locale: its provisioning's) stay; the others come
            .table("tenant_setting", TableTransfer.Order.by("1"), TableTransfer.Mode.MERGE)
            .table("structure", TableTransfer.Order.tree("id", "parent_id"), TableTransfer.Mode.REPLACE)
            .table("school_class", "id").table("ent_user", "id").table("class_member", "1").table("ent_group", "id")
            .table("group_member", "1").table("relative_link", "1").table("ent_user_identity", "1")
            .table("user_setting", "1").table("communication_link", "1").table("communication_setting", "1")
            .table("be1d_import", "1").table("ent_user_attachment", "1").table("ent_user_merge", "1")
            // the AAF nomenclatures and what people hold in them (issue 19): directory data like the rest
            .table("subject", "1").table("mef", "1").table("user_mef", "1").table("teaching", "1")
            .table("staff_function", "1")
            // accounts made in the directory (ADR 0043): the login and the unused activation code's hash move too
            .table("ent_account", "1")
            .leftOut("aaf_import", "an AAF import's run (progress, counts) on the former platform; the data it made moves")
            .leftOut("aaf_staged", "rows staged during an AAF import, deleted once it is applied")
            .leftOut("aaf_rejection", "the rejected records of an AAF import on the former platform, for its administrators then");

    @PersistenceUnit(unitName = DirectoryApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Override
    public String app() {
        return DirectoryApp.ID;
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
        into.section("person", data.read(unit, em -> Rows.select(em,
                "u.id, u.external_id, u.profile, u.last_name, u.first_name, u.birth_date, u.email, s.uai "
                + "AS school_uai, s.name AS school_name, u.created_at, u.rights_lost_at",
                "ent_user u LEFT JOIN structure s ON s.id = u.structure_id WHERE u.id = ?1", id)));
        into.section("settings", data.read(unit, em -> Rows.select(em,
                "language, time_zone, favourite_apps, updated_at",
                "user_setting WHERE user_id = ?1", id)));
        into.section("classes", data.read(unit, em -> Rows.select(em,
                "c.id, c.name, c.level, s.name AS school_name",
                "class_member m JOIN school_class c ON c.id = m.class_id JOIN structure s ON s.id = "
                + "c.structure_id WHERE m.user_id = ?1 ORDER BY c.name", id)));
        into.section("groups", data.read(unit, em -> Rows.select(em,
                "g.id, g.name, g.type, g.profile",
                "group_member m JOIN ent_group g ON g.id = m.group_id WHERE m.user_id = ?1 ORDER BY "
                + "g.name", id)));
        into.section("other_schools", data.read(unit, em -> Rows.select(em,
                "s.uai, s.name",
                "ent_user_attachment a JOIN structure s ON s.id = a.structure_id WHERE a.user_id = ?1", id)));
        into.section("children", data.read(unit, em -> Rows.select(em,
                "u.id, u.last_name, u.first_name",
                "relative_link r JOIN ent_user u ON u.id = r.student_id WHERE r.relative_id = ?1", id)));
        into.section("parents", data.read(unit, em -> Rows.select(em,
                "u.id, u.last_name, u.first_name",
                "relative_link r JOIN ent_user u ON u.id = r.relative_id WHERE r.student_id = ?1", id)));
        // the account the directory made (ADR 0043): the login and when, never the activation code's hash
        into.section("account", data.read(unit, em -> Rows.select(em,
                "login, created_at, activation_expires_at",
                "ent_account WHERE user_id = ?1", id)));
        into.section("linked_identities", data.read(unit, em -> Rows.select(em,
                "provider, subject, linked_at",
                "ent_user_identity WHERE user_id = ?1", id)));
        into.section("merged_duplicates", data.read(unit, em -> Rows.select(em,
                "merged_id, merged_external_id, merged_name, merged_by, merged_at",
                "ent_user_merge WHERE kept_id = ?1", id)));
        // What the AAF feed says of them (ADR 0034): the nomenclatures' labels beside the codes, for a reader.
        into.section("mef", data.read(unit, em -> Rows.select(em,
                "s.uai AS school_uai, s.name AS school_name, m.mef_code, f.label AS mef_label",
                "user_mef m JOIN structure s ON s.id = m.structure_id LEFT JOIN mef f ON f.code = m.mef_code"
                + " WHERE m.user_id = ?1 ORDER BY s.name, m.mef_code", id)));
        into.section("teaching", data.read(unit, em -> Rows.select(em,
                "s.uai AS school_uai, s.name AS school_name, t.subject_code, j.label AS subject_label,"
                + " c.name AS class_name, g.name AS group_name",
                "teaching t JOIN structure s ON s.id = t.structure_id LEFT JOIN subject j ON j.code = t.subject_code"
                + " LEFT JOIN school_class c ON c.id = t.class_id LEFT JOIN ent_group g ON g.id = t.group_id"
                + " WHERE t.user_id = ?1 ORDER BY s.name, t.subject_code, c.name, g.name", id)));
        into.section("functions", data.read(unit, em -> Rows.select(em,
                "s.uai AS school_uai, s.name AS school_name, f.code, f.label,"
                + " NULLIF(f.discipline_code, '') AS discipline_code, f.discipline_label",
                "staff_function f JOIN structure s ON s.id = f.structure_id WHERE f.user_id = ?1"
                + " ORDER BY s.name, f.code", id)));
    }

    /**
     * Her entry goes, and with it her classes, groups, family links, linked identities and settings (the tables
     * cascade). Called last of all apps by the erasure (the others may still read her schools before).
     */
    @Override
    public long erasePerson(Person person) {
        if (person.directoryId().isEmpty()) {
            return 0;
        }
        UUID id = person.directoryId().get();
        return data.write(unit, em -> (long) Rows.update(em, "DELETE FROM ent_user_merge WHERE kept_id = ?1", id)
                + Rows.update(em, "DELETE FROM ent_user WHERE id = ?1", id));
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
