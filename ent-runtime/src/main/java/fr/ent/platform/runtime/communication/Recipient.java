package fr.ent.platform.runtime.communication;

import java.util.Optional;
import java.util.UUID;

/**
 * Someone or a group one may write to, as a recipient picker shows it.
 *
 * @param name "Last First" for a person, the group's name for a group
 * @param profile the person's profile, or the profile a profile group gathers (none for other groups)
 */
public record Recipient(Kind kind, UUID id, String name, Optional<String> profile) {

    public enum Kind {
        USER, GROUP
    }
}
