package fr.ent.platform.apps.diary;

import fr.ent.platform.apps.directory.service.MyClassService;
import fr.ent.platform.apps.directory.view.MyClassView;
import fr.ent.platform.identity.VerifiedToken;
import fr.ent.platform.problem.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Whose diary a person opens, from the directory's "Ma classe" rules (one source of truth for who belongs to which
 * class): a teacher writes in the classes they are a member of in their school; a pupil reads their classes; a
 * parent reads each child's classes; the school's personnel read its classes. A guest, or an account without a
 * directory entry, has none. Teaching groups are not classes here (the directory keeps no timetable yet).
 */
@ApplicationScoped
public class Classes {

    @Inject
    MyClassService myClass;

    /** The reader behind a token; an account with no directory id opens nothing (not found). */
    public Reader of(VerifiedToken token) {
        UUID id = token.entUserId().flatMap(Classes::uuid).orElseThrow(() -> new NotFound("no-such-resource"));
        String name = token.displayName() == null || token.displayName().isBlank() ? token.username()
                : token.displayName();
        return new Reader(id, name, classes(myClass.outline(id)));
    }

    /** The classes of a "Ma classe" view, as the diary reads them (pure: unit-tested). */
    static Map<UUID, DiaryClass> classes(MyClassView view) {
        Map<UUID, DiaryClass> classes = new HashMap<>();
        boolean teacher = "Teacher".equals(view.profile());
        for (MyClassView.ClassCard c : view.classes()) {
            classes.put(c.id(), new DiaryClass(c.id(), c.name(), school(c), List.of(), teacher));
        }
        Map<UUID, List<String>> children = new HashMap<>();
        Map<UUID, MyClassView.ClassCard> cards = new HashMap<>();
        for (MyClassView.ChildCard child : view.children()) {
            for (MyClassView.ClassCard c : child.classes()) {
                children.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(child.child().firstName());
                cards.put(c.id(), c);
            }
        }
        children.forEach((id, names) -> classes.putIfAbsent(id,
                new DiaryClass(id, cards.get(id).name(), school(cards.get(id)), List.copyOf(names), false)));
        return classes;
    }

    private static String school(MyClassView.ClassCard c) {
        return c.school() == null ? "" : c.school().name();
    }

    static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException notAnId) {
            return Optional.empty();
        }
    }
}
