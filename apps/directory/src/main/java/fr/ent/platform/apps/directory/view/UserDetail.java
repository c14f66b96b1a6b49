package fr.ent.platform.apps.directory.view;

import fr.ent.platform.apps.directory.Profile;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A person's directory card: classes, children (for a parent) and parents (for a pupil). */
public record UserDetail(UUID id, Profile profile, String lastName, String firstName, LocalDate birthDate,
        String email, UUID structureId, List<ClassView> classes, List<UserSummary> children,
        List<UserSummary> relatives) {
}
