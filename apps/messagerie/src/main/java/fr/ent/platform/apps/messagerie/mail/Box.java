package fr.ent.platform.apps.messagerie.mail;

import java.util.Locale;
import java.util.Optional;

/** The boxes everyone has, besides their own folders. */
public enum Box {
    INBOX, SENT, DRAFTS, TRASH;

    public static Optional<Box> of(String name) {
        try {
            return Optional.of(valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return Optional.empty();
        }
    }

    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }
}
