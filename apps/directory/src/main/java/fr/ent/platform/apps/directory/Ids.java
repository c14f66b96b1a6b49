package fr.ent.platform.apps.directory;

import fr.ent.platform.problem.NotFound;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Identifiers coming from URLs and request bodies. A malformed id and an id of no row of this collectivity get
 * the same 404, so that an answer never tells whether something exists elsewhere.
 */
public final class Ids {

    private static final Pattern CANONICAL =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private Ids() {
    }

    /** The UUID written in {@code text}, if it is one in canonical form. */
    public static Optional<UUID> parse(String text) {
        return text != null && CANONICAL.matcher(text).matches() ? Optional.of(UUID.fromString(text)) : Optional.empty();
    }

    /** The UUID in {@code text}, or the 404 problem {@code notFoundCode} naming what was asked for. */
    public static UUID orNotFound(String text, String notFoundCode) {
        return parse(text).orElseThrow(() -> new NotFound(notFoundCode, shown(text)));
    }

    /** What the problem detail echoes back: the id as given, cut short so a long path cannot flood the answer. */
    public static String shown(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }
}
