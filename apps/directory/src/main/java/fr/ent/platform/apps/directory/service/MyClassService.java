package fr.ent.platform.apps.directory.service;

import fr.ent.platform.problem.NotFound;
import fr.ent.platform.apps.directory.DirectoryData;
import fr.ent.platform.apps.directory.Ids;
import fr.ent.platform.apps.directory.Profile;
import fr.ent.platform.apps.directory.model.ClassMember;
import fr.ent.platform.apps.directory.model.EntUser;
import fr.ent.platform.apps.directory.model.RelativeLink;
import fr.ent.platform.apps.directory.model.SchoolClass;
import fr.ent.platform.apps.directory.model.Structure;
import fr.ent.platform.apps.directory.view.MyClassView;
import fr.ent.platform.apps.directory.view.MyClassView.ChildCard;
import fr.ent.platform.apps.directory.view.MyClassView.ClassCard;
import fr.ent.platform.apps.directory.view.MyClassView.Person;
import fr.ent.platform.apps.directory.view.MyClassView.Pupil;
import fr.ent.platform.apps.directory.view.MyClassView.School;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * "Ma classe": who a person of the directory may see through their classes. The rules, from the reader's profile:
 * a teacher sees the classes they teach in their school, with the pupils and each pupil's parents; a pupil sees
 * their classes in their school with classmates and teachers; a parent sees each child's classes with their
 * teachers (not the other pupils); personnel see their school's classes with teachers and pupils; a guest sees
 * nothing. Nobody reaches another school's classes through their own profile, and the collectivity's schema
 * (TenantData) keeps every other collectivity out.
 *
 * <p>Each view is a fixed number of queries whatever the number of classes and pupils (no query per pupil):
 * the reader, their classes, the memberships and people of those classes, the schools, and for a teacher the
 * parent links and the parents.
 */
@ApplicationScoped
public class MyClassService {

    @Inject
    DirectoryData data;

    /** What {@code reader} (a directory user id) may see; an id of nobody here sees nothing. */
    public MyClassView of(UUID reader) {
        return data.read(em -> view(em, reader));
    }

    /**
     * The same classes and children as {@link #of}, each class with its school but without its people: what the
     * apps that work per class (the diary) need, in two statements (three for a parent) where the whole view takes
     * up to seven. Every statement of a page is planned again when its pooled connection last served another
     * collectivity, so a page pays for each one it sends (ADR 0028).
     */
    public MyClassView outline(UUID reader) {
        return data.read(em -> outline(em, reader));
    }

    /** One class as the reader may see it; a class they may not see is answered like a class that does not exist. */
    public ClassCard classOf(UUID reader, String classId) {
        UUID id = Ids.orNotFound(classId, "class-not-found");
        MyClassView view = of(reader);
        return view.classes().stream().filter(c -> c.id().equals(id)).findFirst()
                .or(() -> view.children().stream().flatMap(child -> child.classes().stream())
                        .filter(c -> c.id().equals(id)).findFirst())
                .orElseThrow(() -> new NotFound("class-not-found", Ids.shown(classId)));
    }

    /** One of a parent's children with their classes; anyone else's id is answered like an id of nobody. */
    public ChildCard child(UUID reader, String childId) {
        UUID id = Ids.orNotFound(childId, "user-not-found");
        return of(reader).children().stream().filter(c -> c.child().id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFound("user-not-found", Ids.shown(childId)));
    }

    static MyClassView view(EntityManager em, UUID reader) {
        EntUser me = em.find(EntUser.class, reader);
        if (me == null) {
            return MyClassView.none();
        }
        return switch (me.profile()) {
            case Teacher -> new MyClassView(me.profile().name(),
                    cards(em, classesOfMemberInSchool(em, me), true, true), List.of());
            case Student -> new MyClassView(me.profile().name(),
                    cards(em, classesOfMemberInSchool(em, me), true, false), List.of());
            case Personnel -> new MyClassView(me.profile().name(),
                    cards(em, classesOfSchool(em, me), true, false), List.of());
            case Relative -> new MyClassView(me.profile().name(), List.of(), children(em, me));
            case Guest -> new MyClassView(me.profile().name(), List.of(), List.of());
        };
    }

    static MyClassView outline(EntityManager em, UUID reader) {
        EntUser me = em.find(EntUser.class, reader);
        if (me == null) {
            return MyClassView.none();
        }
        String profile = me.profile().name();
        return switch (me.profile()) {
            case Teacher, Student -> me.structureId() == null ? new MyClassView(profile, List.of(), List.of())
                    : new MyClassView(profile, bareCards(em.createQuery("""
                            SELECT c, s.name FROM SchoolClass c, Structure s
                             WHERE s.id = c.structureId AND c.structureId = :s
                               AND c.id IN (SELECT m.classId FROM ClassMember m WHERE m.userId = :u)
                             ORDER BY c.name, c.id""", Object[].class)
                    .setParameter("s", me.structureId()).setParameter("u", me.id()).getResultList()), List.of());
            case Personnel -> me.structureId() == null ? new MyClassView(profile, List.of(), List.of())
                    : new MyClassView(profile, bareCards(em.createQuery("""
                            SELECT c, s.name FROM SchoolClass c, Structure s
                             WHERE s.id = c.structureId AND c.structureId = :s
                             ORDER BY c.name, c.id""", Object[].class)
                    .setParameter("s", me.structureId()).getResultList()), List.of());
            case Relative -> new MyClassView(profile, List.of(), bareChildren(em, me));
            case Guest -> new MyClassView(profile, List.of(), List.of());
        };
    }

    /** A parent's children with their classes and schools, without the classes' people: two statements. */
    private static List<ChildCard> bareChildren(EntityManager em, EntUser me) {
        List<EntUser> children = em.createQuery("""
                        SELECT s FROM EntUser s
                         WHERE s.profile = :student
                           AND s.id IN (SELECT l.studentId FROM RelativeLink l WHERE l.relativeId = :u)
                         ORDER BY s.searchKey, s.id""", EntUser.class)
                .setParameter("student", Profile.Student).setParameter("u", me.id()).getResultList();
        if (children.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createQuery("""
                        SELECT m.userId, c, s.name FROM ClassMember m, SchoolClass c, Structure s
                         WHERE c.id = m.classId AND s.id = c.structureId AND m.userId IN :children
                         ORDER BY c.name, c.id""", Object[].class)
                .setParameter("children", children.stream().map(EntUser::id).toList()).getResultList();
        List<ChildCard> result = new ArrayList<>();
        for (EntUser child : children) {
            result.add(new ChildCard(person(child), bareCards(rows.stream()
                    .filter(row -> child.id().equals(row[0])).map(row -> new Object[] {row[1], row[2]}).toList())));
        }
        return result;
    }

    /** Cards from rows of (class, school name), in the rows' order, without people. */
    private static List<ClassCard> bareCards(List<Object[]> rows) {
        return rows.stream().map(row -> {
            SchoolClass c = (SchoolClass) row[0];
            return new ClassCard(c.id(), c.name(), c.level(), new School(c.structureId(), (String) row[1]), List.of(),
                    List.of());
        }).toList();
    }

    /** The classes the person is a member of, in their own school only. */
    private static List<SchoolClass> classesOfMemberInSchool(EntityManager em, EntUser me) {
        if (me.structureId() == null) {
            return List.of();
        }
        return em.createQuery("""
                        SELECT c FROM SchoolClass c
                         WHERE c.structureId = :s
                           AND c.id IN (SELECT m.classId FROM ClassMember m WHERE m.userId = :u)
                         ORDER BY c.name, c.id""", SchoolClass.class)
                .setParameter("s", me.structureId()).setParameter("u", me.id()).getResultList();
    }

    private static List<SchoolClass> classesOfSchool(EntityManager em, EntUser me) {
        if (me.structureId() == null) {
            return List.of();
        }
        return em.createQuery("SELECT c FROM SchoolClass c WHERE c.structureId = :s ORDER BY c.name, c.id",
                SchoolClass.class).setParameter("s", me.structureId()).getResultList();
    }

    /** A parent's children, each with their classes and those classes' teachers only. */
    private static List<ChildCard> children(EntityManager em, EntUser me) {
        List<EntUser> children = em.createQuery("""
                        SELECT s FROM EntUser s
                         WHERE s.profile = :student
                           AND s.id IN (SELECT l.studentId FROM RelativeLink l WHERE l.relativeId = :u)
                         ORDER BY s.searchKey, s.id""", EntUser.class)
                .setParameter("student", Profile.Student).setParameter("u", me.id()).getResultList();
        if (children.isEmpty()) {
            return List.of();
        }
        List<UUID> childIds = children.stream().map(EntUser::id).toList();
        List<ClassMember> childMemberships = em.createQuery(
                "SELECT m FROM ClassMember m WHERE m.userId IN :children", ClassMember.class)
                .setParameter("children", childIds).getResultList();
        List<SchoolClass> classes = childMemberships.isEmpty() ? List.of() : em.createQuery(
                "SELECT c FROM SchoolClass c WHERE c.id IN :ids ORDER BY c.name, c.id", SchoolClass.class)
                .setParameter("ids", childMemberships.stream().map(ClassMember::classId).distinct().toList())
                .getResultList();
        Map<UUID, ClassCard> cards = cards(em, classes, false, false).stream()
                .collect(Collectors.toMap(ClassCard::id, Function.identity()));
        List<ChildCard> result = new ArrayList<>();
        for (EntUser child : children) {
            Set<UUID> classesOfChild = childMemberships.stream().filter(m -> m.userId().equals(child.id()))
                    .map(ClassMember::classId).collect(Collectors.toSet());
            List<ClassCard> theirs = classes.stream().filter(c -> classesOfChild.contains(c.id()))
                    .map(c -> cards.get(c.id())).toList();
            result.add(new ChildCard(person(child), theirs));
        }
        return result;
    }

    /**
     * The cards of these classes in four queries at most (memberships, people, schools, and for teachers two more:
     * the parent links and the parents), however many pupils they hold.
     */
    private static List<ClassCard> cards(EntityManager em, List<SchoolClass> classes, boolean withPupils,
            boolean withParents) {
        if (classes.isEmpty()) {
            return List.of();
        }
        List<UUID> classIds = classes.stream().map(SchoolClass::id).toList();
        List<ClassMember> memberships = em.createQuery(
                "SELECT m FROM ClassMember m WHERE m.classId IN :ids", ClassMember.class)
                .setParameter("ids", classIds).getResultList();
        List<Profile> shown = withPupils ? List.of(Profile.Teacher, Profile.Student) : List.of(Profile.Teacher);
        Map<UUID, EntUser> people = byId(em.createQuery("""
                        SELECT u FROM EntUser u
                         WHERE u.profile IN :profiles
                           AND u.id IN (SELECT m.userId FROM ClassMember m WHERE m.classId IN :ids)
                         ORDER BY u.searchKey, u.id""", EntUser.class)
                .setParameter("profiles", shown).setParameter("ids", classIds).getResultList());
        Map<UUID, School> schools = em.createQuery("SELECT s FROM Structure s WHERE s.id IN :ids", Structure.class)
                .setParameter("ids", classes.stream().map(SchoolClass::structureId).distinct().toList())
                .getResultList().stream().collect(Collectors.toMap(Structure::id, s -> new School(s.id(), s.name())));
        Map<UUID, List<Person>> parents = withParents ? parentsOfPupils(em, classIds) : Map.of();

        Map<UUID, Set<UUID>> membersByClass = memberships.stream().collect(Collectors.groupingBy(
                ClassMember::classId, Collectors.mapping(ClassMember::userId, Collectors.toSet())));
        List<ClassCard> cards = new ArrayList<>();
        for (SchoolClass c : classes) {
            Set<UUID> memberIds = membersByClass.getOrDefault(c.id(), Set.of());
            // People in the query's order (by name), kept if they are members of this class.
            List<EntUser> members = people.values().stream().filter(u -> memberIds.contains(u.id())).toList();
            List<Person> teachers = members.stream().filter(u -> u.profile() == Profile.Teacher)
                    .map(MyClassService::person).toList();
            List<Pupil> pupils = members.stream().filter(u -> u.profile() == Profile.Student)
                    .map(u -> new Pupil(u.id(), u.firstName(), u.lastName(), parents.getOrDefault(u.id(), List.of())))
                    .toList();
            cards.add(new ClassCard(c.id(), c.name(), c.level(), schools.get(c.structureId()), teachers, pupils));
        }
        return cards;
    }

    /** The parents of the pupils of these classes, by pupil: two queries. */
    private static Map<UUID, List<Person>> parentsOfPupils(EntityManager em, Collection<UUID> classIds) {
        List<RelativeLink> links = em.createQuery("""
                        SELECT l FROM RelativeLink l
                         WHERE l.studentId IN (SELECT m.userId FROM ClassMember m WHERE m.classId IN :ids)""",
                        RelativeLink.class)
                .setParameter("ids", List.copyOf(classIds)).getResultList();
        if (links.isEmpty()) {
            return Map.of();
        }
        Map<UUID, EntUser> relatives = byId(em.createQuery(
                "SELECT u FROM EntUser u WHERE u.id IN :ids ORDER BY u.searchKey, u.id", EntUser.class)
                .setParameter("ids", links.stream().map(RelativeLink::relativeId).distinct().toList())
                .getResultList());
        Map<UUID, List<Person>> byPupil = new LinkedHashMap<>();
        for (EntUser relative : relatives.values()) {
            links.stream().filter(l -> l.relativeId().equals(relative.id())).forEach(l ->
                    byPupil.computeIfAbsent(l.studentId(), k -> new ArrayList<>()).add(person(relative)));
        }
        return byPupil;
    }

    private static Map<UUID, EntUser> byId(List<EntUser> users) {
        Map<UUID, EntUser> map = new LinkedHashMap<>();
        users.forEach(u -> map.put(u.id(), u));
        return map;
    }

    private static Person person(EntUser u) {
        return new Person(u.id(), u.firstName(), u.lastName());
    }
}
