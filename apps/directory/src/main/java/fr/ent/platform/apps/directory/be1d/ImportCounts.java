package fr.ent.platform.apps.directory.be1d;

/** Numbers of rows of each kind in one bucket of an import report (imported, updated or unchanged). */
public record ImportCounts(int classes, int students, int teachers, int relatives, int links, int memberships) {
}
