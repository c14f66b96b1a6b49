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

    /**
     * A digest of everything an import's plan depends on, whatever the order rows were read in. A dry run keeps it;
     * its confirmation takes the snapshot again and applies only if the digest is the same, so that what is applied
     * is exactly what was shown (the plan is a function of the files and of this snapshot).
     */
    public String fingerprint() {
        java.util.List<String> rows = new java.util.ArrayList<>();
        rows.add("school|" + structureId + "|" + uai);
        classes.forEach(c -> rows.add("class|" + c.id() + "|" + c.name()));
        users.forEach(u -> rows.add("user|" + u.id() + "|" + u.externalId() + "|" + u.profile() + "|" + u.lastName()
                + "|" + u.firstName() + "|" + u.birthDate() + "|" + u.email() + "|" + u.searchKey()));
        memberships.forEach(m -> rows.add("member|" + m.classId() + "|" + m.userId()));
        links.forEach(l -> rows.add("link|" + l.relativeId() + "|" + l.studentId()));
        java.util.Collections.sort(rows);
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (String row : rows) {
                sha.update(row.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
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
