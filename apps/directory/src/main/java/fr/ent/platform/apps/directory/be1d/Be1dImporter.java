package fr.ent.platform.apps.directory.be1d;

import fr.ent.platform.problem.Conflict;
import fr.ent.platform.problem.DomainException;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.apps.directory.Ids;
import fr.ent.platform.apps.directory.Profile;
import fr.ent.platform.apps.directory.Text;
import fr.ent.platform.apps.directory.be1d.DirectorySnapshot.ExistingClass;
import fr.ent.platform.apps.directory.be1d.DirectorySnapshot.ExistingUser;
import fr.ent.platform.apps.directory.be1d.DirectorySnapshot.Link;
import fr.ent.platform.apps.directory.be1d.DirectorySnapshot.Membership;
import fr.ent.platform.apps.directory.communication.ProfileGroups;
import fr.ent.platform.apps.directory.model.Structure;
import fr.ent.platform.apps.directory.service.Lookups;
import fr.ent.platform.apps.directory.service.UniqueViolation;
import fr.ent.platform.apps.directory.DirectoryData;
import fr.ent.platform.apps.directory.sql.Sql;
import fr.ent.platform.runtime.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Imports a school's BE1D export into the collectivity's directory. The files are parsed first (nothing is read
 * from the database for a file that cannot be read); then, in ONE transaction, the school's current directory
 * is read, the import is planned against it and, unless it is a dry run, written. A failure anywhere writes
 * nothing: the school never ends up half imported.
 */
@ApplicationScoped
public class Be1dImporter {

    private static final Logger LOG = Logger.getLogger(Be1dImporter.class.getName());

    @Inject
    DirectoryData data;

    @Inject
    TenantContext tenant;

    public Be1dImporter() {
    }

    /** For tests and benches outside the container (no tenant context: the log names no collectivity). */
    public Be1dImporter(DirectoryData data) {
        this.data = data;
    }

    public ImportReport importExport(String structureId, Map<Be1dFile, byte[]> files, boolean dryRun) {
        UUID id = Ids.orNotFound(structureId, "structure-not-found");
        // The school must exist here before the files are even looked at: a foreign id gets a 404, whatever it sends.
        data.read(em -> Lookups.structure(em, structureId));
        if (files.isEmpty()) {
            throw new InvalidInput("import-empty");
        }
        Be1dExport export = parse(files);
        Function<EntityManager, ImportReport> work = em -> {
            Structure school = em.find(Structure.class, id);
            if (school == null) {
                throw new NotFound("structure-not-found", id);
            }
            Be1dImportPlan plan = Be1dReconciliation.plan(snapshot(em, school), export);
            if (!dryRun) {
                write(em, school, plan);
            }
            return plan.report(dryRun);
        };
        ImportReport report = dryRun ? data.read(work) : data.write(work);
        LOG.info(() -> "tenant=" + (tenant != null && tenant.isSet() ? tenant.current().slug() : "-") + " BE1D import into structure " + id + (dryRun ? " (dry run)" : "") + ": imported "
                + report.imported() + ", updated " + report.updated() + ", rejected " + report.rejected().size());
        return report;
    }

    /** The export, or the domain's refusal {@code import-unreadable} saying which file and why. */
    static Be1dExport parse(Map<Be1dFile, byte[]> files) {
        try {
            return Be1dExport.parse(files);
        } catch (Be1dFormatException e) {
            DomainException problem = new InvalidInput("import-unreadable", e.file().partName(), e.reason())
                    .with("file", e.file().partName());
            throw e.missingColumn() == null ? problem : problem.with("missingColumn", e.missingColumn());
        }
    }

    /**
     * The school's classes, its people and everyone earlier imports of this UAI created, their memberships and links.
     * Read as plain rows on the unit of work's connection ({@link Sql}), not as entities: a school's thousands of
     * people no longer fill the persistence context that every later flush of the transaction walks (France import
     * bench, ADR 0051).
     */
    static DirectorySnapshot snapshot(EntityManager em, Structure school) {
        em.flush(); // plain reads do not see entities waiting in the unit of work
        String ownPeople = "u.structure_id = ?1 OR u.external_id LIKE ?2";
        String prefix = Be1dIdentity.prefix(school.uai()) + "%";
        List<ExistingClass> classes = Sql.rows(em, "SELECT id, name FROM school_class WHERE structure_id = ?1",
                school.id()).stream().map(r -> new ExistingClass((UUID) r[0], (String) r[1])).toList();
        List<ExistingUser> users = new ArrayList<>(people(em, "SELECT u.id, u.external_id, u.profile, u.last_name,"
                + " u.first_name, u.birth_date, u.email, u.search_key FROM ent_user u WHERE " + ownPeople,
                school.id(), prefix));
        users.addAll(mergedIdentities(em, prefix));
        List<Membership> memberships = Sql.rows(em, """
                        SELECT m.class_id, m.user_id FROM class_member m
                         WHERE m.class_id IN (SELECT c.id FROM school_class c WHERE c.structure_id = ?1)""",
                        school.id()).stream()
                .map(m -> new Membership((UUID) m[0], (UUID) m[1])).toList();
        List<Link> links = Sql.rows(em, "SELECT l.relative_id, l.student_id FROM relative_link l"
                        + " WHERE l.relative_id IN (SELECT u.id FROM ent_user u WHERE " + ownPeople + ")",
                        school.id(), prefix).stream()
                .map(l -> new Link((UUID) l[0], (UUID) l[1])).toList();
        return new DirectorySnapshot(school.id(), school.uai(), classes, users, new HashSet<>(memberships),
                new HashSet<>(links));
    }

    /** People rows: id, external_id, profile, last_name, first_name, birth_date, email, search_key. */
    private static List<ExistingUser> people(EntityManager em, String sql, Object... params) {
        return Sql.rows(em, sql, params).stream().map(r -> new ExistingUser((UUID) r[0], (String) r[1],
                Profile.valueOf((String) r[2]), (String) r[3], (String) r[4],
                r[5] == null ? null : ((java.sql.Date) r[5]).toLocalDate(), (String) r[6], (String) r[7])).toList();
    }

    /**
     * The people merged into another record (ADR 0025) whose import identity is of this school: each as the record
     * that was kept, under the merged record's identity, so that the next import of this school finds the person
     * and updates them, where it would otherwise create the duplicate again. The kept record keeps its own
     * identity; its names follow the latest import that names it.
     */
    private static List<ExistingUser> mergedIdentities(EntityManager em, String prefix) {
        return people(em, "SELECT u.id, m.merged_external_id, u.profile, u.last_name, u.first_name, u.birth_date,"
                + " u.email, u.search_key FROM ent_user_merge m JOIN ent_user u ON u.id = m.kept_id"
                + " WHERE m.merged_external_id LIKE ?1", prefix);
    }

    /**
     * The end of rights (issue 18, ADR 0032): the people of the school the export no longer names are marked as
     * having lost the right, from now (a mark already there keeps its date); those it names again get it back.
     * tenant-manager's end-of-rights job erases the marked ones once the delay has passed.
     */
    static void rights(EntityManager em, Be1dImportPlan plan) {
        if (!plan.absent().isEmpty()) {
            Sql.exec(em, "UPDATE ent_user SET rights_lost_at = now() WHERE rights_lost_at IS NULL"
                    + " AND id = ANY (CAST(?1 AS uuid[]))", Sql.uuids(plan.absent()));
        }
        if (!plan.present().isEmpty()) {
            Sql.exec(em, "UPDATE ent_user SET rights_lost_at = NULL WHERE rights_lost_at IS NOT NULL"
                    + " AND id = ANY (CAST(?1 AS uuid[]))", Sql.uuids(plan.present()));
        }
    }

    /**
     * Writes the plan: plain multi-row statements on the unit of work's own connection ({@link Sql}, ADR 0051), in
     * foreign-key order (classes and people before the rows that reference them). The plan was decided before
     * (Be1dReconciliation, pure); only how its rows reach the database is here.
     */
    static void write(EntityManager em, Structure school, Be1dImportPlan plan) {
        try {
            Sql.Inserts classes = new Sql.Inserts(em, "INSERT INTO school_class (id, structure_id, name, level,"
                    + " created_at) VALUES", "(CAST(? AS uuid), CAST(? AS uuid), ?, CAST(? AS text), now())", "");
            for (Be1dImportPlan.NewClass c : plan.newClasses()) {
                add(classes, c.id(), school.id(), c.name(), c.level());
            }
            classes.flush();
            Sql.Inserts people = new Sql.Inserts(em, "INSERT INTO ent_user (id, external_id, profile, last_name,"
                    + " first_name, birth_date, email, structure_id, search_key, created_at) VALUES",
                    "(CAST(? AS uuid), ?, ?, ?, ?, CAST(? AS date), CAST(? AS text), CAST(? AS uuid), ?, now())", "");
            for (Be1dImportPlan.Person p : plan.newUsers()) {
                add(people, p.id(), p.externalId(), p.profile().name(), p.lastName(), p.firstName(), p.birthDate(),
                        p.email(), school.id(), Text.searchKey(p.lastName(), p.firstName()));
            }
            people.flush();
            // the changed people, many per statement: UPDATE ... FROM (VALUES (...), (...)) AS v
            Sql.Inserts changed = new Sql.Inserts(em, "UPDATE ent_user u SET last_name = v.last_name, first_name ="
                    + " v.first_name, birth_date = v.birth_date, email = v.email, search_key = v.search_key FROM"
                    + " (VALUES", "(CAST(? AS uuid), ?, ?, CAST(? AS date), CAST(? AS text), ?)",
                    ") AS v (id, last_name, first_name, birth_date, email, search_key) WHERE u.id = v.id");
            for (Be1dImportPlan.Person p : plan.changedUsers()) {
                add(changed, p.id(), p.lastName(), p.firstName(), p.birthDate(), p.email(),
                        Text.searchKey(p.lastName(), p.firstName()));
            }
            changed.flush();
            if (!plan.membershipsToRemove().isEmpty()) {
                Sql.exec(em, "DELETE FROM class_member WHERE (class_id, user_id) IN"
                        + " (SELECT * FROM unnest(CAST(?1 AS uuid[]), CAST(?2 AS uuid[])))",
                        Sql.uuids(plan.membershipsToRemove().stream().map(Membership::classId).toList()),
                        Sql.uuids(plan.membershipsToRemove().stream().map(Membership::userId).toList()));
            }
            Sql.Inserts memberships = new Sql.Inserts(em, "INSERT INTO class_member (class_id, user_id) VALUES",
                    "(CAST(? AS uuid), CAST(? AS uuid))", "");
            for (Membership m : plan.membershipsToAdd()) {
                add(memberships, m.classId(), m.userId());
            }
            memberships.flush();
            Sql.Inserts links = new Sql.Inserts(em, "INSERT INTO relative_link (relative_id, student_id) VALUES",
                    "(CAST(? AS uuid), CAST(? AS uuid))", "");
            for (Link l : plan.linksToAdd()) {
                add(links, l.relativeId(), l.studentId());
            }
            links.flush();
            rights(em, plan);
            // The school's profile groups follow its people, classes and families; new classes get the defaults.
            ProfileGroups.sync(em, school.id(), false);
        } catch (PersistenceException e) {
            if (UniqueViolation.in(e)) {
                // Someone wrote the same people or classes since the snapshot (another import of this school).
                throw new Conflict("import-conflict");
            }
            throw e;
        }
    }

    /** A row; a full batch is sent at once (one table at a time: the rows it references were sent before). */
    private static void add(Sql.Inserts batch, Object... values) {
        if (batch.add(values)) {
            batch.flush();
        }
    }
}
