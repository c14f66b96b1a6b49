package fr.ent.platform.apps.directory.service;

import fr.ent.platform.apps.directory.DirectoryData;
import fr.ent.platform.apps.directory.model.EntUser;
import fr.ent.platform.apps.directory.model.SchoolClass;
import fr.ent.platform.apps.directory.model.Structure;
import fr.ent.platform.apps.directory.view.IdentityCard;
import fr.ent.platform.apps.directory.view.MyClassView.Person;
import fr.ent.platform.apps.directory.view.MyClassView.School;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A person's own directory card for "Mon compte": five queries, whatever their family and classes. */
@ApplicationScoped
public class IdentityService {

    @Inject
    DirectoryData data;

    /** The card of this directory user, or nothing when the id is of nobody here. */
    public Optional<IdentityCard> card(UUID user) {
        return data.read(em -> Optional.ofNullable(em.find(EntUser.class, user)).map(me -> card(em, me)));
    }

    private static IdentityCard card(EntityManager em, EntUser me) {
        List<SchoolClass> classes = em.createQuery("""
                        SELECT c FROM SchoolClass c
                         WHERE c.id IN (SELECT m.classId FROM ClassMember m WHERE m.userId = :u)
                         ORDER BY c.name, c.id""", SchoolClass.class)
                .setParameter("u", me.id()).getResultList();
        Set<UUID> schoolIds = new LinkedHashSet<>();
        if (me.structureId() != null) {
            schoolIds.add(me.structureId());
        }
        classes.forEach(c -> schoolIds.add(c.structureId()));
        Map<UUID, Structure> schools = schoolIds.isEmpty() ? Map.of() : em.createQuery(
                "SELECT s FROM Structure s WHERE s.id IN :ids", Structure.class)
                .setParameter("ids", List.copyOf(schoolIds)).getResultList().stream()
                .collect(Collectors.toMap(Structure::id, Function.identity()));
        List<School> schoolList = new ArrayList<>();
        schoolIds.stream().map(schools::get).filter(s -> s != null)
                .forEach(s -> schoolList.add(new School(s.id(), s.name())));
        List<IdentityCard.ClassLine> classLines = classes.stream().map(c -> new IdentityCard.ClassLine(c.name(),
                schools.containsKey(c.structureId()) ? schools.get(c.structureId()).name() : "")).toList();
        List<Person> children = people(em, """
                SELECT s FROM EntUser s
                 WHERE s.id IN (SELECT l.studentId FROM RelativeLink l WHERE l.relativeId = :u)
                 ORDER BY s.searchKey, s.id""", me.id());
        List<Person> relatives = people(em, """
                SELECT r FROM EntUser r
                 WHERE r.id IN (SELECT l.relativeId FROM RelativeLink l WHERE l.studentId = :u)
                 ORDER BY r.searchKey, r.id""", me.id());
        return new IdentityCard(me.firstName(), me.lastName(), me.profile().name(), schoolList, classLines,
                children, relatives);
    }

    private static List<Person> people(EntityManager em, String query, UUID user) {
        return em.createQuery(query, EntUser.class).setParameter("u", user).getResultList().stream()
                .map(u -> new Person(u.id(), u.firstName(), u.lastName())).toList();
    }
}
