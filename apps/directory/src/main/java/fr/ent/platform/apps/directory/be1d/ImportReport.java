package fr.ent.platform.apps.directory.be1d;

import java.util.List;

/**
 * What an import did (or, in a dry run, would do): rows created, rows whose details changed, rows already up to
 * date, class memberships the export no longer lists (removed, e.g. a pupil who changed class), and the rejected
 * lines. People missing from the export are never deleted by an import. {@code changes} lists, line by line,
 * what is created, changed or removed and why (what is already up to date is only counted).
 */
public record ImportReport(boolean dryRun, ImportCounts imported, ImportCounts updated, ImportCounts unchanged,
        int membershipsRemoved, List<Rejection> rejected, List<PlannedChange> changes) {

    public ImportReport {
        rejected = List.copyOf(rejected);
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** The same report, marked as applied (a confirmed dry run). */
    public ImportReport applied() {
        return new ImportReport(false, imported, updated, unchanged, membershipsRemoved, rejected, changes);
    }
}
