package fr.ent.platform.apps.wiki;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Whom a wiki belongs to: a kind and an id, as stored ({@code owner_kind}, {@code owner_id}). A directory class or
 * school, or a community of the communities app (issue 16 item 2: its administrators write, its members read), with
 * no change to what the columns mean.
 */
public record Owner(Kind kind, UUID id) {

    public enum Kind {
        CLASS, SCHOOL, COMMUNITY;

        /** As stored and as the API spells it: {@code class}, {@code school}, {@code community}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Kind> parse(String code) {
            for (Kind k : values()) {
                if (k.code().equals(code == null ? "" : code.strip())) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    public Owner {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(id);
    }
}
