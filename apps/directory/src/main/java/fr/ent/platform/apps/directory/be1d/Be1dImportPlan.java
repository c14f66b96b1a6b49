package fr.ent.platform.apps.directory.be1d;

import java.util.Set;
import fr.ent.platform.apps.directory.Profile;
import fr.ent.platform.apps.directory.be1d.DirectorySnapshot.Link;
import fr.ent.platform.apps.directory.be1d.DirectorySnapshot.Membership;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The rows an import writes, decided before anything is written: a dry run reports it, a real import applies it
 * in one transaction. Ids of new rows are chosen here, so that memberships and links can refer to them.
 */
public record Be1dImportPlan(List<NewClass> newClasses, List<Person> newUsers, List<Person> changedUsers,
        List<Membership> membershipsToAdd, List<Membership> membershipsToRemove, List<Link> linksToAdd,
        ImportCounts imported, ImportCounts updated, ImportCounts unchanged, List<Rejection> rejected,
        List<PlannedChange> changes, Set<UUID> present, Set<UUID> absent) {

    public Be1dImportPlan {
        newClasses = List.copyOf(newClasses);
        newUsers = List.copyOf(newUsers);
        changedUsers = List.copyOf(changedUsers);
        membershipsToAdd = List.copyOf(membershipsToAdd);
        membershipsToRemove = List.copyOf(membershipsToRemove);
        linksToAdd = List.copyOf(linksToAdd);
        rejected = List.copyOf(rejected);
        changes = List.copyOf(changes);
    }

    public record NewClass(UUID id, String name, String level) {
    }

    /** A person to create, or the new details of an existing one (same id). */
    public record Person(UUID id, String externalId, Profile profile, String lastName, String firstName,
            LocalDate birthDate, String email) {
    }

    public ImportReport report(boolean dryRun) {
        return new ImportReport(dryRun, imported, updated, unchanged, membershipsToRemove.size(), rejected, changes);
    }
}
