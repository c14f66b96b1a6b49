package fr.ent.platform.apps.console.people;

import fr.ent.platform.apps.console.scope.ConsoleScope;
import fr.ent.platform.apps.directory.Text;
import fr.ent.platform.apps.directory.service.StructureService;
import fr.ent.platform.apps.directory.service.UserSearch;
import fr.ent.platform.apps.directory.service.UserService;
import fr.ent.platform.apps.directory.view.ClassView;
import fr.ent.platform.apps.directory.view.StructureView;
import fr.ent.platform.apps.directory.view.UserDetail;
import fr.ent.platform.apps.directory.view.UserPage;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.problem.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * People as an administrator of the console may find and see them. A SUPER_ADMIN searches the whole collectivity;
 * an ADMIN_LOCAL searches one of its schools at a time (the directory's search filters by one school), and opens
 * only the card of someone attached to one of its schools: anyone else is {@code user-not-found}, as a guessed id
 * is, so that a local administrator cannot learn who exists elsewhere.
 */
@ApplicationScoped
public class ConsolePeople {

    public static final int PAGE_SIZE = 25;

    @Inject
    UserSearch search;

    @Inject
    UserService users;

    @Inject
    StructureService structures;

    /** A search as typed in the form: words of the name, a profile, a school (its id), a page number from 1. */
    public record Query(String q, String profile, String schoolId, int page) {
    }

    /**
     * A person's card and the UAIs of the schools they are attached to (their school, their classes', and those a
     * merge attached them to).
     */
    public record Person(UserDetail detail, Set<String> schools) {
    }

    public UserPage search(ConsoleScope scope, Query query) {
        String school = Text.trimToNull(query.schoolId());
        if (school == null && !scope.whole()) {
            // a local administrator's search is always within one of its schools: the first, unless one is named
            school = schoolsById().values().stream().filter(s -> scope.school(s.uai())).map(s -> s.id().toString())
                    .sorted().findFirst().orElseThrow(() -> new NotAllowed("forbidden"));
        }
        if (school != null && !scope.school(structures.get(school).uai())) {
            throw new NotAllowed("forbidden");
        }
        int page = Math.max(1, query.page());
        return search.search(new UserSearch.Query(query.q(), query.profile(), school, null,
                String.valueOf(PAGE_SIZE), String.valueOf((page - 1) * PAGE_SIZE)));
    }

    /** A person's card, if the scope reaches them; anyone else is not found. */
    public Person get(ConsoleScope scope, String id) {
        UserDetail detail = users.get(id);
        Map<UUID, StructureView> schools = schoolsById();
        Set<String> uais = new LinkedHashSet<>();
        if (detail.structureId() != null && schools.containsKey(detail.structureId())) {
            uais.add(schools.get(detail.structureId()).uai());
        }
        for (ClassView c : detail.classes()) {
            if (schools.containsKey(c.structureId())) {
                uais.add(schools.get(c.structureId()).uai());
            }
        }
        for (UUID attached : users.attachments(id)) { // schools a merge attached them to (ADR 0025)
            if (schools.containsKey(attached)) {
                uais.add(schools.get(attached).uai());
            }
        }
        if (!scope.person(uais)) {
            throw new NotFound("user-not-found", id);
        }
        return new Person(detail, uais);
    }

    /**
     * Links a parent to a child, or removes the link: both must be people the scope reaches (a local administrator
     * links families of its schools only). Returns the parent's card.
     */
    public Person link(ConsoleScope scope, String relativeId, String studentId, boolean linked) {
        Person relative = get(scope, relativeId);
        get(scope, studentId);
        users.link(relative.detail().id().toString(), studentId, linked);
        return get(scope, relativeId);
    }

    /** Pupils the scope reaches whose name matches {@code q} (the first page), to link to a parent. */
    public UserPage pupils(ConsoleScope scope, String q) {
        return search(scope, new Query(q, "Student", null, 1));
    }

    /** The collectivity's schools by id (a collectivity has tens of schools, not thousands). */
    public Map<UUID, StructureView> schoolsById() {
        return structures.list().stream().collect(Collectors.toMap(StructureView::id, Function.identity(),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
