package fr.ent.platform.apps.directory.be1d;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.apps.directory.Profile;
import fr.ent.platform.apps.directory.StructureType;
import fr.ent.platform.apps.directory.Uai;
import fr.ent.platform.apps.directory.merge.MergeService;
import fr.ent.platform.apps.directory.model.EntUser;
import fr.ent.platform.apps.directory.model.Structure;
import fr.ent.platform.apps.directory.service.DirectoryDatabase;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An import after a merge (ADR 0025), on a real PostgreSQL schema: the real BE1D sample is imported into a school,
 * one of its teachers is merged into the record the same teacher has in another school, and the school is
 * imported again. The merged record's import identity now names the kept record: the second import creates nobody
 * and keeps the kept record in the school's classes, where it used to create the duplicate again.
 */
class ImportAfterMergeTest {

    private static final String UAI = "0693331W";

    @Test
    void theNextImportOfTheSchoolFindsTheKeptRecordInsteadOfCreatingTheDuplicateAgain() throws Exception {
        DirectoryDatabase db = DirectoryDatabase.fresh();
        UUID school = db.inTransaction(em -> {
            Structure s = new Structure(Uai.parse(UAI), "École Émile Zola", StructureType.ECOLE, null);
            em.persist(s);
            return s.id();
        });
        UUID otherSchool = db.inTransaction(em -> {
            Structure s = new Structure(Uai.parse("0310036W"), "École Jules Ferry", StructureType.ECOLE, null);
            em.persist(s);
            return s.id();
        });
        Be1dExport export = Be1dExport.parse(Map.of(Be1dFile.ELEVES, SharedData.eleves(), Be1dFile.ENSEIGNANTS,
                SharedData.enseignants(), Be1dFile.RESPONSABLES, SharedData.responsables()));
        Be1dImportPlan first = importInto(db, school, export, true);
        assertThat(first.newUsers()).extracting(Be1dImportPlan.Person::profile).contains(Profile.Teacher);

        EntUser imported = db.inTransaction(em -> em.createQuery("SELECT u FROM EntUser u WHERE u.profile = :p"
                + " AND u.externalId LIKE :prefix ORDER BY u.externalId", EntUser.class)
                .setParameter("p", Profile.Teacher).setParameter("prefix", Be1dIdentity.prefix(UAI) + "%")
                .setMaxResults(1).getSingleResult());
        UUID kept = db.inTransaction(em -> {
            EntUser u = new EntUser(UUID.randomUUID(), "aaf:enseignant:42", Profile.Teacher, imported.lastName(),
                    imported.firstName(), null, null, otherSchool);
            em.persist(u);
            return u.id();
        });
        MergeService merges = new MergeService();
        java.lang.reflect.Field data = MergeService.class.getDeclaredField("data");
        data.setAccessible(true);
        data.set(merges, db.data());
        merges.merge(kept.toString(), imported.id().toString(), "test");

        Be1dImportPlan dryRun = importInto(db, school, export, false);
        assertThat(dryRun.newUsers()).as("nobody created again").isEmpty();
        Be1dImportPlan second = importInto(db, school, export, true);
        assertThat(second.newUsers()).isEmpty();
        long teachersNamedSo = db.inTransaction(em -> em.createQuery("SELECT COUNT(u) FROM EntUser u"
                + " WHERE u.profile = :p AND u.lastName = :l AND u.firstName = :f", Long.class)
                .setParameter("p", Profile.Teacher).setParameter("l", imported.lastName())
                .setParameter("f", imported.firstName()).getSingleResult());
        assertThat(teachersNamedSo).as("one record of the merged teacher").isEqualTo(1);
        long keptClasses = db.inTransaction(em -> em.createQuery("SELECT COUNT(m) FROM ClassMember m WHERE m.userId = :u"
                + " AND m.classId IN (SELECT c.id FROM SchoolClass c WHERE c.structureId = :s)", Long.class)
                .setParameter("u", kept).setParameter("s", school).getSingleResult());
        assertThat(keptClasses).as("the kept record teaches the merged record's classes of this school")
                .isPositive();
        assertThat(second.membershipsToRemove()).as("the import does not take those classes back").isEmpty();
    }

    private static Be1dImportPlan importInto(DirectoryDatabase db, UUID schoolId, Be1dExport export, boolean apply) {
        return db.inTransaction(em -> {
            Structure school = em.find(Structure.class, schoolId);
            Be1dImportPlan plan = Be1dReconciliation.plan(Be1dImporter.snapshot(em, school), export);
            if (apply) {
                Be1dImporter.write(em, school, plan);
            }
            return plan;
        });
    }
}
