package fr.ent.platform.apps.console.schools;

import fr.ent.platform.apps.console.scope.ConsoleScope;
import fr.ent.platform.apps.directory.Text;
import fr.ent.platform.apps.directory.service.StructureService;
import fr.ent.platform.apps.directory.view.ClassView;
import fr.ent.platform.apps.directory.view.NewClass;
import fr.ent.platform.apps.directory.view.NewStructure;
import fr.ent.platform.apps.directory.view.StructureView;
import fr.ent.platform.problem.NotAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;

/**
 * Schools and classes as an administrator of the console may see and change them: every call takes the caller's
 * {@link ConsoleScope} and checks it against the school concerned before the directory's own service does the work
 * (and its own checks: UAI shape and check letter, {@code uai-taken}, {@code class-taken}). A school outside the
 * scope is 403 {@code forbidden}; an id that is no school of this collectivity is the directory's 404.
 */
@ApplicationScoped
public class ConsoleSchools {

    @Inject
    StructureService structures;

    /** The schools the scope reaches, optionally those whose name or UAI contains every word of {@code q}. */
    public List<StructureView> list(ConsoleScope scope, String q) {
        List<String> words = Text.searchWords(q);
        return structures.list().stream().filter(s -> scope.school(s.uai()))
                .filter(s -> words.stream().allMatch(w -> Text.fold(s.name() + " " + s.uai()).contains(w)))
                .toList();
    }

    public StructureView get(ConsoleScope scope, String id) {
        StructureView school = structures.get(id);
        require(scope.school(school.uai()));
        return school;
    }

    public StructureView create(ConsoleScope scope, NewStructure body) {
        require(scope.declaresSchools());
        return structures.create(body);
    }

    /** A local administrator corrects the name and type of its school; only a SUPER_ADMIN changes a UAI. */
    public StructureView update(ConsoleScope scope, String id, NewStructure body) {
        StructureView school = get(scope, id);
        String uai = Text.trimToNull(body.uai());
        if (!scope.declaresSchools() && uai != null && !uai.toUpperCase(Locale.ROOT).equals(school.uai())) {
            throw new NotAllowed("forbidden");
        }
        return structures.update(id, new NewStructure(uai == null ? school.uai() : uai, body.name(), body.type(),
                null));
    }

    public List<ClassView> classes(ConsoleScope scope, String schoolId) {
        get(scope, schoolId);
        return structures.classes(schoolId);
    }

    public ClassView createClass(ConsoleScope scope, String schoolId, NewClass body) {
        get(scope, schoolId);
        return structures.createClass(schoolId, body);
    }

    /** Renames a class of a school in the scope; returns it with its school's id. */
    public ClassView renameClass(ConsoleScope scope, String classId, String name) {
        ClassView c = structures.schoolClass(classId);
        get(scope, c.structureId().toString());
        return structures.renameClass(classId, name);
    }

    private static void require(boolean allowed) {
        if (!allowed) {
            throw new NotAllowed("forbidden");
        }
    }
}
