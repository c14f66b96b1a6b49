package fr.ent.platform.apps.privacy.web;

import fr.ent.platform.identity.VerifiedToken;
import fr.ent.platform.runtime.data.Person;
import java.util.Optional;
import java.util.UUID;

/** The person a signed-in token names, as the data contracts find them. */
public final class Who {

    private Who() {
    }

    public static Person of(VerifiedToken token) {
        Optional<UUID> id = token.entUserId().flatMap(Who::uuid);
        return new Person(id, token.subject(), token.username(), token.displayName());
    }

    private static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
