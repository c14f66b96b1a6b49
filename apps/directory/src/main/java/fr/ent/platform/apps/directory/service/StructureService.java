package fr.ent.platform.apps.directory.service;

import fr.ent.platform.problem.Conflict;
import fr.ent.platform.apps.directory.Ids;
import fr.ent.platform.apps.directory.communication.ProfileGroups;
import fr.ent.platform.apps.directory.StructureType;
import fr.ent.platform.apps.directory.Text;
import fr.ent.platform.apps.directory.Uai;
import fr.ent.platform.apps.directory.view.ClassView;
import fr.ent.platform.apps.directory.view.NewClass;
import fr.ent.platform.apps.directory.view.NewStructure;
import fr.ent.platform.apps.directory.view.StructureView;
import fr.ent.platform.apps.directory.model.SchoolClass;
import fr.ent.platform.apps.directory.model.Structure;
import fr.ent.platform.apps.directory.DirectoryData;
import fr.ent.platform.tenancy.InvalidTenantInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.UUID;

/** The collectivity's schools and their classes: declaring them, listing them. */
@ApplicationScoped
public class StructureService {

    @Inject
    DirectoryData data;

    @Inject
    fr.ent.platform.runtime.persistence.RequestMemo memo;

    public List<StructureView> list() {
        return data.read(em -> em.createQuery("SELECT s FROM Structure s ORDER BY s.name, s.id", Structure.class)
                .getResultList().stream().map(StructureView::of).toList());
    }

    /**
     * The UAIs of a person's school and, for a parent, of their children's schools (what the flash messages' targets
     * name); an id of nobody has none. Read with the header's school name ({@link #schoolsOf}).
     */
    public java.util.Set<String> uaisOf(java.util.UUID person) {
        return schoolsOf(person).uais();
    }

    /**
     * A person's schools as a page shows them: the names of their own (the header) and the UAIs of theirs and, for a
     * parent, their children's (the flash messages' targets). One statement, read once per request: the header and
     * the flash messages' widget both need them on the home page, where each statement is planned again on a
     * connection that last served another collectivity (ADR 0028).
     */
    public PersonSchools schoolsOf(java.util.UUID person) {
        return memo.once("directory.schoolsOf " + person, () -> readSchoolsOf(person));
    }

    /** A person's own schools' names, and the UAIs of theirs and their children's. */
    public record PersonSchools(List<String> own, java.util.Set<String> uais) {
    }

    PersonSchools readSchoolsOf(java.util.UUID person) {
        List<Object[]> rows = data.read(em -> em.createQuery("""
                        SELECT u.id, s.uai, s.name FROM EntUser u, Structure s
                         WHERE s.id = u.structureId
                           AND (u.id = :p OR u.id IN (SELECT l.studentId FROM RelativeLink l WHERE l.relativeId = :p))""",
                        Object[].class)
                .setParameter("p", person).getResultList());
        return new PersonSchools(rows.stream().filter(r -> person.equals(r[0])).map(r -> (String) r[2]).distinct()
                .toList(), rows.stream().map(r -> (String) r[1]).collect(java.util.stream.Collectors.toUnmodifiableSet()));
    }

    public StructureView get(String id) {
        return data.read(em -> StructureView.of(Lookups.structure(em, id)));
    }

    /** Declares a school; its UAI is checked (shape and check letter) and unique in the collectivity. */
    public StructureView create(NewStructure body) {
        Uai uai = Uai.parse(body.uai());
        String name = Text.trimToNull(body.name());
        if (name == null || name.length() > 200) {
            throw new InvalidTenantInputException("name", "structure.name");
        }
        StructureType type = StructureType.parse(body.type());
        String parentText = Text.trimToNull(body.parentId());
        return data.write(em -> {
            UUID parentId = parentText == null ? null : Lookups.structure(em, parentText).id();
            boolean taken = !em.createQuery("SELECT s.id FROM Structure s WHERE s.uai = :uai", UUID.class)
                    .setParameter("uai", uai.value()).setMaxResults(1).getResultList().isEmpty();
            if (taken) {
                throw new Conflict("uai-taken", uai.value());
            }
            Structure structure = new Structure(uai, name, type, parentId);
            try {
                em.persist(structure);
                em.flush();
            } catch (PersistenceException e) {
                if (UniqueViolation.in(e)) {
                    throw new Conflict("uai-taken", uai.value());
                }
                throw e;
            }
            ProfileGroups.sync(em, structure.id(), false); // its profile groups and default rules
            return StructureView.of(structure);
        });
    }

    /**
     * Corrects a school: its name and type, and its UAI (checked like a new one, and unique). The caller decides
     * who may change what (the console lets only a SUPER_ADMIN change a UAI).
     */
    public StructureView update(String id, NewStructure body) {
        UUID structureId = Ids.orNotFound(id, "structure-not-found");
        Uai uai = Uai.parse(body.uai());
        String name = Text.trimToNull(body.name());
        if (name == null || name.length() > 200) {
            throw new InvalidTenantInputException("name", "structure.name");
        }
        StructureType type = StructureType.parse(body.type());
        return data.write(em -> {
            Structure structure = Lookups.structure(em, structureId, id);
            boolean taken = !em.createQuery("SELECT s.id FROM Structure s WHERE s.uai = :uai AND s.id <> :id",
                            UUID.class)
                    .setParameter("uai", uai.value()).setParameter("id", structure.id())
                    .setMaxResults(1).getResultList().isEmpty();
            if (taken) {
                throw new Conflict("uai-taken", uai.value());
            }
            structure.change(uai, name, type);
            try {
                em.flush();
            } catch (PersistenceException e) {
                if (UniqueViolation.in(e)) {
                    throw new Conflict("uai-taken", uai.value());
                }
                throw e;
            }
            return StructureView.of(structure);
        });
    }

    /** The class with this id (for its school, before anything is done with it). */
    public ClassView schoolClass(String classId) {
        return data.read(em -> ClassView.of(Lookups.schoolClass(em, classId)));
    }

    /** Renames a class; the name stays unique within its school. */
    public ClassView renameClass(String classId, String newName) {
        String name = Text.trimToNull(newName);
        if (name == null || name.length() > 100) {
            throw new InvalidTenantInputException("name", "class.name");
        }
        return data.write(em -> {
            SchoolClass c = Lookups.schoolClass(em, classId);
            boolean taken = !em.createQuery("""
                            SELECT c.id FROM SchoolClass c WHERE c.structureId = :s AND c.name = :name AND c.id <> :id""",
                            UUID.class)
                    .setParameter("s", c.structureId()).setParameter("name", name).setParameter("id", c.id())
                    .setMaxResults(1).getResultList().isEmpty();
            if (taken) {
                throw new Conflict("class-taken", name);
            }
            c.rename(name);
            try {
                em.flush();
            } catch (PersistenceException e) {
                if (UniqueViolation.in(e)) {
                    throw new Conflict("class-taken", name);
                }
                throw e;
            }
            return ClassView.of(c);
        });
    }

    public List<ClassView> classes(String structureId) {
        return data.read(em -> {
            Structure structure = Lookups.structure(em, structureId);
            return em.createQuery("SELECT c FROM SchoolClass c WHERE c.structureId = :s ORDER BY c.name, c.id",
                            SchoolClass.class)
                    .setParameter("s", structure.id()).getResultList().stream().map(ClassView::of).toList();
        });
    }

    /** Opens a class in a school; the name is unique within the school. */
    public ClassView createClass(String structureId, NewClass body) {
        UUID id = Ids.orNotFound(structureId, "structure-not-found");
        String name = Text.trimToNull(body.name());
        if (name == null || name.length() > 100) {
            throw new InvalidTenantInputException("name", "class.name");
        }
        String level = Text.trimToNull(body.level());
        return data.write(em -> {
            Structure structure = Lookups.structure(em, id, structureId);
            boolean taken = !em.createQuery(
                            "SELECT c.id FROM SchoolClass c WHERE c.structureId = :s AND c.name = :name", UUID.class)
                    .setParameter("s", structure.id()).setParameter("name", name)
                    .setMaxResults(1).getResultList().isEmpty();
            if (taken) {
                throw new Conflict("class-taken", name);
            }
            SchoolClass created = new SchoolClass(structure.id(), name, level);
            try {
                em.persist(created);
                em.flush();
                ProfileGroups.sync(em, structure.id(), false); // the class's groups and their default rules
            } catch (PersistenceException e) {
                if (UniqueViolation.in(e)) {
                    throw new Conflict("class-taken", name);
                }
                throw e;
            }
            return ClassView.of(created);
        });
    }
}
