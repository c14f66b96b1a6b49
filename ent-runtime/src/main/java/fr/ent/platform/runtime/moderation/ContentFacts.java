package fr.ent.platform.runtime.moderation;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the moderation service needs to know of a content, as its app tells it.
 *
 * @param author     the directory id of its author, if a person of the directory wrote it (notified of decisions)
 * @param authorName the author's name as the content shows it
 * @param schools    the UAIs of the schools it belongs to (its author's): a local administrator of one of them
 *                   moderates it; none: only the collectivity's SUPER_ADMIN
 * @param title      a short title (a message's subject), in full: moderators see it
 * @param text       the content in full, plain text (the evidence a moderator reads)
 * @param link       the path of the page that shows it to its readers
 * @param state      whether it is shown, neutralized or gone
 */
public record ContentFacts(ContentRef ref, Optional<UUID> author, String authorName, Set<String> schools,
        String title, String text, String link, ContentState state) {

    public ContentFacts {
        schools = Set.copyOf(schools);
    }
}
