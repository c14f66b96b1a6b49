package fr.ent.platform.apps.directory.service;

import fr.ent.platform.apps.directory.Ids;
import fr.ent.platform.apps.directory.Profile;
import fr.ent.platform.apps.directory.Text;
import fr.ent.platform.apps.directory.view.ClassView;
import fr.ent.platform.apps.directory.view.NewUser;
import fr.ent.platform.apps.directory.view.UserDetail;
import fr.ent.platform.apps.directory.view.UserSummary;
import fr.ent.platform.apps.directory.model.ClassMember;
import fr.ent.platform.apps.directory.model.EntUser;
import fr.ent.platform.apps.directory.model.RelativeLink;
import fr.ent.platform.apps.directory.model.SchoolClass;
import fr.ent.platform.apps.directory.model.Structure;
import fr.ent.platform.apps.directory.DirectoryData;
import fr.ent.platform.tenancy.InvalidTenantInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import fr.ent.platform.apps.directory.communication.ProfileGroups;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** A person's card, and declaring a person by hand (outside any import). */
@ApplicationScoped
public class UserService {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    @Inject
    DirectoryData data;

    public UserDetail get(String id) {
        return data.read(em -> detail(em, Lookups.user(em, id)));
    }

    /** The schools a merge attached this person to, besides their own (ADR 0025); none for most people. */
    public Set<UUID> attachments(String id) {
        return data.read(em -> {
            EntUser u = Lookups.user(em, id);
            return Set.copyOf(em.createQuery("SELECT a.structureId FROM UserAttachment a WHERE a.userId = :u",
                    UUID.class).setParameter("u", u.id()).getResultList());
        });
    }

    /**
     * Which of these ids are people of this collectivity's directory: for apps that address people by id (another
     * collectivity's ids, or guessed ones, are simply not there).
     */
    public Set<UUID> existing(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return data.read(em -> Set.copyOf(em.createQuery("SELECT u.id FROM EntUser u WHERE u.id IN :ids", UUID.class)
                .setParameter("ids", List.copyOf(ids)).getResultList()));
    }

    /**
     * Declares a person in a school, in the given classes of that school; a parent may be linked to pupils of the
     * collectivity. Everything is checked before anything is written, and written in one transaction.
     */
    public UserDetail create(NewUser body) {
        Profile profile = Profile.parse("profile", body.profile());
        String lastName = name("lastName", body.lastName());
        String firstName = name("firstName", body.firstName());
        LocalDate birthDate = birthDate(body.birthDate());
        String email = Text.trimToNull(body.email());
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            throw new InvalidTenantInputException("email", "user.email", email);
        }
        String structureText = Text.trimToNull(body.structureId());
        if (structureText == null) {
            throw new InvalidTenantInputException("structureId", "user.structure");
        }
        Set<UUID> classIds = ids(body.classIds(), "classIds", "user.class");
        Set<UUID> childIds = ids(body.childIds(), "childIds", "user.children");
        if (!childIds.isEmpty() && profile != Profile.Relative) {
            throw new InvalidTenantInputException("childIds", "user.children");
        }
        return data.write(em -> {
            Structure structure = Lookups.structure(em, structureText);
            for (UUID classId : classIds) {
                SchoolClass c = em.find(SchoolClass.class, classId);
                if (c == null || !c.structureId().equals(structure.id())) {
                    throw new InvalidTenantInputException("classIds", "user.class");
                }
            }
            for (UUID childId : childIds) {
                EntUser child = em.find(EntUser.class, childId);
                if (child == null || child.profile() != Profile.Student) {
                    throw new InvalidTenantInputException("childIds", "user.children");
                }
            }
            EntUser user = new EntUser(UUID.randomUUID(), null, profile, lastName, firstName, birthDate, email,
                    structure.id());
            em.persist(user);
            em.flush(); // the user row first: memberships and links reference it
            classIds.forEach(c -> em.persist(new ClassMember(c, user.id())));
            childIds.forEach(c -> em.persist(new RelativeLink(user.id(), c)));
            em.flush();
            // The profile groups of their school, and of their children's schools (a parent is in those too).
            Set<UUID> schools = new java.util.LinkedHashSet<>(List.of(structure.id()));
            schools.addAll(ProfileGroups.schoolsOf(em, childIds));
            schools.forEach(school -> ProfileGroups.sync(em, school, false));
            return detail(em, user);
        });
    }

    /**
     * Links a parent (Relative) to a child (Student) of the collectivity, or removes the link; the profile groups of
     * the child's school follow (a parent is in their children's "Parents" groups). Linking twice, or removing a link
     * that is not there, changes nothing.
     */
    public UserDetail link(String relativeId, String studentId, boolean linked) {
        return data.write(em -> {
            EntUser relative = Lookups.user(em, relativeId);
            EntUser student = Lookups.user(em, studentId);
            if (relative.profile() != Profile.Relative) {
                throw new InvalidTenantInputException("relativeId", "user.relative");
            }
            if (student.profile() != Profile.Student) {
                throw new InvalidTenantInputException("childIds", "user.children");
            }
            RelativeLink existing = em.find(RelativeLink.class, new RelativeLink.Key(relative.id(), student.id()));
            if (linked && existing == null) {
                em.persist(new RelativeLink(relative.id(), student.id()));
            } else if (!linked && existing != null) {
                em.remove(existing);
            }
            em.flush();
            Set<UUID> schools = new java.util.LinkedHashSet<>();
            if (relative.structureId() != null) {
                schools.add(relative.structureId());
            }
            schools.addAll(ProfileGroups.schoolsOf(em, Set.of(student.id())));
            schools.forEach(school -> ProfileGroups.sync(em, school, false));
            return detail(em, relative);
        });
    }

    /** The card with its classes and family. */
    private static UserDetail detail(EntityManager em, EntUser u) {
        List<ClassView> classes = em.createQuery("""
                        SELECT c FROM SchoolClass c
                         WHERE c.id IN (SELECT m.classId FROM ClassMember m WHERE m.userId = :u)
                         ORDER BY c.name, c.id""", SchoolClass.class)
                .setParameter("u", u.id()).getResultList().stream().map(ClassView::of).toList();
        List<UserSummary> children = em.createQuery("""
                        SELECT s FROM EntUser s
                         WHERE s.id IN (SELECT l.studentId FROM RelativeLink l WHERE l.relativeId = :u)
                         ORDER BY s.searchKey, s.id""", EntUser.class)
                .setParameter("u", u.id()).getResultList().stream().map(UserSummary::of).toList();
        List<UserSummary> relatives = em.createQuery("""
                        SELECT r FROM EntUser r
                         WHERE r.id IN (SELECT l.relativeId FROM RelativeLink l WHERE l.studentId = :u)
                         ORDER BY r.searchKey, r.id""", EntUser.class)
                .setParameter("u", u.id()).getResultList().stream().map(UserSummary::of).toList();
        return new UserDetail(u.id(), u.profile(), u.lastName(), u.firstName(), u.birthDate(), u.email(),
                u.structureId(), classes, children, relatives);
    }

    private static String name(String field, String value) {
        String trimmed = Text.trimToNull(value);
        if (trimmed == null || trimmed.length() > 100) {
            throw new InvalidTenantInputException(field, "user.name");
        }
        return trimmed;
    }

    private static LocalDate birthDate(String value) {
        String trimmed = Text.trimToNull(value);
        if (trimmed == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(trimmed);
            if (date.isAfter(LocalDate.now())) {
                throw new InvalidTenantInputException("birthDate", "user.birthDate", trimmed);
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new InvalidTenantInputException("birthDate", "user.birthDate", trimmed);
        }
    }

    /** Ids of a list field; one that is not an id is refused like one of no row, with the field's message. */
    private static Set<UUID> ids(List<String> values, String field, String messageKey) {
        Set<UUID> ids = new LinkedHashSet<>();
        if (values != null) {
            for (String value : values) {
                ids.add(Ids.parse(value).orElseThrow(() -> new InvalidTenantInputException(field, messageKey)));
            }
        }
        return ids;
    }
}
