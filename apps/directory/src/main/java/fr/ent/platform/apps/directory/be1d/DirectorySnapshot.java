package fr.ent.platform.apps.directory.be1d;

import fr.ent.platform.apps.directory.Profile;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the directory already holds for one school, read at the start of an import: its classes, its people (and
 * everyone an earlier import of this school created), their class memberships in this school and the parents'
 * links. The import is planned against it, so that re-importing changes nothing that is already there.
 */
public record DirectorySnapshot(UUID structureId, String uai, List<ExistingClass> classes, List<ExistingUser> users,
        Set<Membership> memberships, Set<Link> links) {

    public DirectorySnapshot {
        classes = List.copyOf(classes);
        users = List.copyOf(users);
        memberships = Set.copyOf(memberships);
        links = Set.copyOf(links);
    }

    public record ExistingClass(UUID id, String name) {
    }

    public record ExistingUser(UUID id, String externalId, Profile profile, String lastName, String firstName,
            LocalDate birthDate, String email, String searchKey) {
    }

    /** A row of class_member. */
    public record Membership(UUID classId, UUID userId) {
    }

    /** A row of relative_link. */
    public record Link(UUID relativeId, UUID studentId) {
    }
}
