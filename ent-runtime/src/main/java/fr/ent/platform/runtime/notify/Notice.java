package fr.ent.platform.runtime.notify;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A notification as an app posts it.
 *
 * @param type      a declared {@link NotificationType}'s id: recipients choose per type whether it is shown and
 *                  e-mailed
 * @param texts     the text by language ({@code fr} required, {@code en} and {@code es} when the app has them);
 *                  each recipient reads it in their language, French otherwise
 * @param link      a path of this portal that the notification opens, if any
 * @param users     recipients named one by one (directory user ids)
 * @param audiences recipients named as groups, expanded when the notice is delivered
 * @param author    the directory user who caused it, if a person did (never notified of their own notice)
 */
public record Notice(String type, Map<String, String> texts, Optional<String> link, Set<UUID> users,
        Set<Audience> audiences, Optional<UUID> author) {

    public Notice {
        texts = Map.copyOf(texts);
        users = Set.copyOf(users);
        audiences = Set.copyOf(audiences);
    }
}
