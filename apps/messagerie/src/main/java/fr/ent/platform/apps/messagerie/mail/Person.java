package fr.ent.platform.apps.messagerie.mail;

import fr.ent.platform.identity.VerifiedToken;
import fr.ent.platform.problem.NotAllowed;
import java.util.UUID;

/**
 * The signed-in person using their messagerie: their directory id (the token's {@code ent_user_id}) and their name
 * as their messages show it. An account without a directory entry (a platform administrator) has no messagerie.
 */
public record Person(UUID id, String name) {

    public static Person of(VerifiedToken token) {
        UUID id = token.entUserId().flatMap(Person::uuid).orElseThrow(() -> new NotAllowed("forbidden"));
        return new Person(id, token.displayName());
    }

    private static java.util.Optional<UUID> uuid(String id) {
        try {
            return java.util.Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException notAnId) {
            return java.util.Optional.empty();
        }
    }
}
