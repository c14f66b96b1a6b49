package fr.ent.platform.runtime.data;

import java.util.Locale;
import java.util.UUID;

/**
 * Who an erased person becomes where what they wrote stays (a message others received, a homework entry, a wiki
 * version, a comment): a former user, the same for all (ADR 0032). The apps write {@link #ID} where the author's
 * directory id was and {@link #NAME} where their name was copied; the id is no one's (the nil UUID is never a
 * directory id), so nothing links the kept rows back to the person, nor two erased persons' rows to each other.
 */
public final class FormerUser {

    /** The author id of what an erased person wrote and others kept. */
    public static final UUID ID = new UUID(0, 0);

    /** The name shown, stored in the collectivity's language (French) where apps copy names. */
    public static final String NAME = "Ancien utilisateur";

    /** Where apps key people by login (flash authors, moderation reports): no login can be this (a space). */
    public static final String LOGIN = "ancien utilisateur";

    private FormerUser() {
    }

    /** The name in the reader's language, for pages that show {@link #ID} or {@link #NAME}. */
    public static String name(Locale locale) {
        return switch (locale == null ? "fr" : locale.getLanguage()) {
            case "en" -> "Former user";
            case "es" -> "Antiguo usuario";
            default -> NAME;
        };
    }

    /** Whether {@code name} is the stored former user's (to show it in the reader's language). */
    public static boolean is(String name) {
        return NAME.equals(name);
    }
}
