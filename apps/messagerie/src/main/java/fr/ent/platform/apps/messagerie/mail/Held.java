package fr.ent.platform.apps.messagerie.mail;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What an answer needs of the message it answers. */
public record Held(UUID id, UUID authorId, String authorName, Addressing addressing, String subject, String body,
        OffsetDateTime sentAt) {
}
