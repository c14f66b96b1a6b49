package fr.ent.platform.apps.directory.service;

import fr.ent.platform.apps.directory.view.ClassDetail;
import fr.ent.platform.apps.directory.view.UserSummary;
import fr.ent.platform.apps.directory.model.EntUser;
import fr.ent.platform.apps.directory.model.SchoolClass;
import fr.ent.platform.apps.directory.DirectoryData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** A class and who is in it. */
@ApplicationScoped
public class ClassService {

    @Inject
    DirectoryData data;

    public ClassDetail get(String id) {
        return data.read(em -> {
            SchoolClass c = Lookups.schoolClass(em, id);
            List<UserSummary> members = em.createQuery("""
                            SELECT u FROM EntUser u
                             WHERE u.id IN (SELECT m.userId FROM ClassMember m WHERE m.classId = :c)
                             ORDER BY u.searchKey, u.id""", EntUser.class)
                    .setParameter("c", c.id()).getResultList().stream().map(UserSummary::of).toList();
            return new ClassDetail(c.id(), c.structureId(), c.name(), c.level(), members);
        });
    }

    /** The parents of the class's pupils (each once), as a class hands out their letters (the console, ADR 0023). */
    public List<UserSummary> relatives(String classId) {
        return data.read(em -> {
            SchoolClass c = Lookups.schoolClass(em, classId);
            return em.createQuery("""
                            SELECT u FROM EntUser u
                             WHERE u.id IN (SELECT l.relativeId FROM RelativeLink l
                                             WHERE l.studentId IN (SELECT m.userId FROM ClassMember m
                                                                    WHERE m.classId = :c))
                             ORDER BY u.searchKey, u.id""", EntUser.class)
                    .setParameter("c", c.id()).getResultList().stream().map(UserSummary::of).toList();
        });
    }
}
