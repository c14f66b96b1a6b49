package fr.ent.platform.apps.wiki;

import fr.ent.platform.apps.directory.service.MyClassService;
import fr.ent.platform.apps.directory.view.MyClassView;
import fr.ent.platform.identity.VerifiedToken;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.communities.CommunityMembership;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where a person belongs, from the directory's "Ma classe" rules (the one source of who is in which class, as the
 * diary reads it, ADR 0022): a teacher's classes, a pupil's classes, a parent's children's classes, the school's
 * classes for its personnel; and the schools of those classes. Teachers and personnel are staff of their classes'
 * schools; a teacher is staff of the classes they teach, personnel of none (they read the classes' wikis).
 */
@ApplicationScoped
public class Members {

    @Inject
    MyClassService myClass;

    /** The communities app, when the runtime has it (a wiki may belong to a community, issue 16). */
    @Inject
    jakarta.enterprise.inject.Instance<CommunityMembership> communities;

    /** The member behind a token; an account with no directory id belongs nowhere (not found). */
    public Member of(VerifiedToken token) {
        UUID id = token.entUserId().flatMap(Members::uuid).orElseThrow(() -> new NotFound("no-such-resource"));
        String name = token.displayName() == null || token.displayName().isBlank() ? token.username()
                : token.displayName();
        Member member = member(id, name, myClass.of(id));
        if (!communities.isResolvable()) {
            return member;
        }
        Map<UUID, CommunityMembership.Role> roles = communities.get().communitiesOf(id);
        if (roles.isEmpty()) {
            return member;
        }
        Map<UUID, String> names = communities.get().names(roles.keySet());
        Map<UUID, Member.Place> places = new LinkedHashMap<>();
        roles.forEach((community, role) -> places.put(community, new Member.Place(community,
                names.getOrDefault(community, ""), names.getOrDefault(community, ""),
                role == CommunityMembership.Role.ADMIN)));
        return member.withCommunities(places);
    }

    /** The member of a "Ma classe" view (pure: unit-tested). */
    static Member member(UUID id, String name, MyClassView view) {
        boolean teacher = "Teacher".equals(view.profile());
        boolean staff = teacher || "Personnel".equals(view.profile());
        Map<UUID, Member.Place> classes = new LinkedHashMap<>();
        Map<UUID, Member.Place> schools = new LinkedHashMap<>();
        for (MyClassView.ClassCard c : view.classes()) {
            classes.put(c.id(), new Member.Place(c.id(), c.name(), label(c.name(), c), teacher));
            school(schools, c, staff);
        }
        Map<UUID, List<String>> children = new LinkedHashMap<>();
        Map<UUID, MyClassView.ClassCard> cards = new HashMap<>();
        for (MyClassView.ChildCard child : view.children()) {
            for (MyClassView.ClassCard c : child.classes()) {
                children.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(child.child().firstName());
                cards.put(c.id(), c);
                school(schools, c, false);
            }
        }
        children.forEach((classId, names) -> classes.putIfAbsent(classId, new Member.Place(classId,
                cards.get(classId).name(), label(cards.get(classId).name() + " (" + String.join(", ", names) + ")",
                        cards.get(classId)), false)));
        return new Member(id, name, classes, schools);
    }

    private static void school(Map<UUID, Member.Place> schools, MyClassView.ClassCard c, boolean staff) {
        if (c.school() == null) {
            return;
        }
        Member.Place known = schools.get(c.school().id());
        schools.put(c.school().id(), new Member.Place(c.school().id(), c.school().name(), c.school().name(),
                staff || (known != null && known.staff())));
    }

    private static String label(String name, MyClassView.ClassCard c) {
        return c.school() == null ? name : name + " — " + c.school().name();
    }

    static java.util.Optional<UUID> uuid(String id) {
        try {
            return java.util.Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException notAnId) {
            return java.util.Optional.empty();
        }
    }
}
