package fr.ent.platform.apps.directory.be1d;

import fr.ent.platform.problem.Conflict;
import fr.ent.platform.problem.DomainException;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.apps.directory.Ids;
import fr.ent.platform.apps.directory.be1d.DirectorySnapshot.ExistingClass;
import fr.ent.platform.apps.directory.be1d.DirectorySnapshot.ExistingUser;
import fr.ent.platform.apps.directory.be1d.DirectorySnapshot.Link;
import fr.ent.platform.apps.directory.be1d.DirectorySnapshot.Membership;
import fr.ent.platform.apps.directory.communication.ProfileGroups;
import fr.ent.platform.apps.directory.model.ClassMember;
import fr.ent.platform.apps.directory.model.EntUser;
import fr.ent.platform.apps.directory.model.RelativeLink;
import fr.ent.platform.apps.directory.model.SchoolClass;
import fr.ent.platform.apps.directory.model.Structure;
import fr.ent.platform.apps.directory.service.Lookups;
import fr.ent.platform.apps.directory.service.UniqueViolation;
import fr.ent.platform.apps.directory.DirectoryData;
import fr.ent.platform.runtime.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
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

    /** The school's classes, its people and everyone earlier imports of this UAI created, their memberships and links. */
    static DirectorySnapshot snapshot(EntityManager em, Structure school) {
        String ownPeople = "u.structureId = :s OR u.externalId LIKE :prefix";
        String prefix = Be1dIdentity.prefix(school.uai()) + "%";
        List<ExistingClass> classes = em.createQuery(
                        "SELECT c FROM SchoolClass c WHERE c.structureId = :s", SchoolClass.class)
                .setParameter("s", school.id()).getResultList().stream()
                .map(c -> new ExistingClass(c.id(), c.name())).toList();
        List<ExistingUser> users = em.createQuery("SELECT u FROM EntUser u WHERE " + ownPeople, EntUser.class)
                .setParameter("s", school.id()).setParameter("prefix", prefix).getResultList().stream()
                .map(u -> new ExistingUser(u.id(), u.externalId(), u.profile(), u.lastName(), u.firstName(),
                        u.birthDate(), u.email(), u.searchKey()))
                .toList();
        users = new java.util.ArrayList<>(users);
        users.addAll(mergedIdentities(em, prefix));
        List<Membership> memberships = em.createQuery("""
                        SELECT m FROM ClassMember m
                         WHERE m.classId IN (SELECT c.id FROM SchoolClass c WHERE c.structureId = :s)""",
                        ClassMember.class)
                .setParameter("s", school.id()).getResultList().stream()
                .map(m -> new Membership(m.classId(), m.userId())).toList();
        List<Link> links = em.createQuery(
                        "SELECT l FROM RelativeLink l WHERE l.relativeId IN (SELECT u.id FROM EntUser u WHERE "
                                + ownPeople + ")", RelativeLink.class)
                .setParameter("s", school.id()).setParameter("prefix", prefix).getResultList().stream()
                .map(l -> new Link(l.relativeId(), l.studentId())).toList();
        return new DirectorySnapshot(school.id(), school.uai(), classes, users, new HashSet<>(memberships),
                new HashSet<>(links));
    }

    /**
     * The people merged into another record (ADR 0025) whose import identity is of this school: each as the record
     * that was kept, under the merged record's identity, so that the next import of this school finds the person
     * and updates them, where it would otherwise create the duplicate again. The kept record keeps its own
     * identity; its names follow the latest import that names it.
     */
    private static List<ExistingUser> mergedIdentities(EntityManager em, String prefix) {
        Map<UUID, List<String>> identitiesByKept = new java.util.HashMap<>();
        for (Object row : em.createNativeQuery("SELECT CAST(kept_id AS text), merged_external_id FROM ent_user_merge"
                + " WHERE merged_external_id LIKE ?1").setParameter(1, prefix).getResultList()) {
            Object[] r = (Object[]) row;
            identitiesByKept.computeIfAbsent(UUID.fromString((String) r[0]), k -> new java.util.ArrayList<>())
                    .add((String) r[1]);
        }
        if (identitiesByKept.isEmpty()) {
            return List.of();
        }
        List<ExistingUser> aliases = new java.util.ArrayList<>();
        em.createQuery("SELECT u FROM EntUser u WHERE u.id IN :ids", EntUser.class)
                .setParameter("ids", List.copyOf(identitiesByKept.keySet())).getResultList()
                .forEach(u -> identitiesByKept.get(u.id()).forEach(identity -> aliases.add(new ExistingUser(u.id(),
                        identity, u.profile(), u.lastName(), u.firstName(), u.birthDate(), u.email(),
                        u.searchKey()))));
        return aliases;
    }

    /**
     * The end of rights (issue 18, ADR 0032): the people of the school the export no longer names are marked as
     * having lost the right, from now (a mark already there keeps its date); those it names again get it back.
     * tenant-manager's end-of-rights job erases the marked ones once the delay has passed.
     */
    static void rights(EntityManager em, Be1dImportPlan plan) {
        if (!plan.absent().isEmpty()) {
            em.createNativeQuery("UPDATE ent_user SET rights_lost_at = now() WHERE rights_lost_at IS NULL"
                    + " AND id = ANY (CAST(string_to_array(?1, ',') AS uuid[]))")
                    .setParameter(1, join(plan.absent())).executeUpdate();
        }
        if (!plan.present().isEmpty()) {
            em.createNativeQuery("UPDATE ent_user SET rights_lost_at = NULL WHERE rights_lost_at IS NOT NULL"
                    + " AND id = ANY (CAST(string_to_array(?1, ',') AS uuid[]))")
                    .setParameter(1, join(plan.present())).executeUpdate();
        }
    }

    private static String join(java.util.Set<UUID> ids) {
        return String.join(",", ids.stream().map(UUID::toString).toList());
    }

    /**
     * Writes the plan. Flushed table by table in foreign-key order (classes and people before the rows that
     * reference them): the mapping has no relationships from which the provider could infer that order.
     */
    static void write(EntityManager em, Structure school, Be1dImportPlan plan) {
        try {
            plan.newClasses().forEach(c -> em.persist(new SchoolClass(c.id(), school.id(), c.name(), c.level())));
            em.flush();
            plan.newUsers().forEach(p -> em.persist(new EntUser(p.id(), p.externalId(), p.profile(), p.lastName(),
                    p.firstName(), p.birthDate(), p.email(), school.id())));
            plan.changedUsers().forEach(p -> em.find(EntUser.class, p.id())
                    .update(p.lastName(), p.firstName(), p.birthDate(), p.email()));
            em.flush();
            for (Membership m : plan.membershipsToRemove()) {
                ClassMember row = em.find(ClassMember.class, new ClassMember.Key(m.classId(), m.userId()));
                if (row != null) {
                    em.remove(row);
                }
            }
            em.flush();
            plan.membershipsToAdd().forEach(m -> em.persist(new ClassMember(m.classId(), m.userId())));
            plan.linksToAdd().forEach(l -> em.persist(new RelativeLink(l.relativeId(), l.studentId())));
            em.flush();
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
}
