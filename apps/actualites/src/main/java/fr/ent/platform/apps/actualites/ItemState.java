package fr.ent.platform.apps.actualites;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a news item is in its workflow: draft → submitted → published → expired. The first three are stored; an
 * item is expired once its expiry date has passed, read from the clock (no job flips it).
 */
public enum ItemState {
    DRAFT, SUBMITTED, PUBLISHED, EXPIRED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ItemState> parse(String code) {
        for (ItemState s : values()) {
            if (s.code().equals(code)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The state as seen at {@code now}: a published item past its expiry is expired. */
    public static ItemState at(ItemState stored, OffsetDateTime expireAt, OffsetDateTime now) {
        if (stored == PUBLISHED && expireAt != null && !now.isBefore(expireAt)) {
            return EXPIRED;
        }
        return stored;
    }
}
