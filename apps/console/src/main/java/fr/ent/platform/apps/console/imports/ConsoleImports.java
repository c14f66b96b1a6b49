package fr.ent.platform.apps.console.imports;

import fr.ent.platform.apps.console.schools.ConsoleSchools;
import fr.ent.platform.apps.console.scope.ConsoleScope;
import fr.ent.platform.apps.directory.be1d.Be1dFile;
import fr.ent.platform.apps.directory.be1d.ImportHistory;
import fr.ent.platform.apps.directory.view.StructureView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * BE1D imports as an administrator of the console may run them (ADR 0023): every call checks the {@link ConsoleScope}
 * against the school concerned (a school out of reach is 403; an import of such a school too, whatever its id) before
 * the directory's {@link ImportHistory} plans, keeps, applies and lists them.
 */
@ApplicationScoped
public class ConsoleImports {

    @Inject
    ConsoleSchools schools;

    @Inject
    ImportHistory history;

    /** An import with its school. */
    public record Import(ImportHistory.Entry entry, StructureView school) {
    }

    public Import dryRun(ConsoleScope scope, String schoolId, Map<Be1dFile, byte[]> files) {
        StructureView school = schools.get(scope, schoolId);
        return new Import(history.dryRun(school.id().toString(), files, scope.username()), school);
    }

    public Import get(ConsoleScope scope, String importId) {
        ImportHistory.Entry entry = history.get(importId);
        return new Import(entry, schools.get(scope, entry.structureId().toString()));
    }

    public Import confirm(ConsoleScope scope, String importId) {
        Import pending = get(scope, importId);
        return new Import(history.confirm(importId, scope.username()), pending.school());
    }

    public List<ImportHistory.Entry> history(ConsoleScope scope, String schoolId) {
        StructureView school = schools.get(scope, schoolId);
        return history.history(school.id().toString());
    }
}
