package fr.ent.platform.apps.messagerie.mail;

import fr.ent.platform.runtime.communication.Recipient;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A person or a group a message is addressed to, written {@code user:<id>} or {@code group:<id>} in the API and in
 * the compose form (directory ids, as the recipient picker gives them).
 */
public record Address(Recipient.Kind kind, UUID id) {

    /** The address a token names; nothing when it is not one. */
    public static Optional<Address> parse(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int colon = token.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        try {
            Recipient.Kind kind = Recipient.Kind.valueOf(token.substring(0, colon).strip().toUpperCase(Locale.ROOT));
            return Optional.of(new Address(kind, UUID.fromString(token.substring(colon + 1).strip())));
        } catch (IllegalArgumentException notAnAddress) {
            return Optional.empty();
        }
    }

    public String token() {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + id;
    }
}
