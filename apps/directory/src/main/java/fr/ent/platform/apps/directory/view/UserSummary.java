package fr.ent.platform.apps.directory.view;

import fr.ent.platform.apps.directory.Profile;
import fr.ent.platform.apps.directory.model.EntUser;
import java.util.UUID;

/** A person in a list: enough to show and to open. */
public record UserSummary(UUID id, Profile profile, String lastName, String firstName, UUID structureId) {

    public static UserSummary of(EntUser u) {
        return new UserSummary(u.id(), u.profile(), u.lastName(), u.firstName(), u.structureId());
    }
}
