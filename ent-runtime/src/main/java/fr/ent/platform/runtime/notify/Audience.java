package fr.ent.platform.runtime.notify;

import java.util.Optional;
import java.util.UUID;

/**
 * A group of recipients, as the directory knows them: the members of a class, of a group, or the users attached
 * to a school, each optionally narrowed to one profile (the parents of a class: {@code CLASS}, its id,
 * {@code Relative}).
 */
public record Audience(Kind kind, UUID id, Optional<String> profile) {

    public enum Kind {
        CLASS, GROUP, STRUCTURE
    }
}
