package fr.ent.platform.runtime.sharing;

import java.util.Locale;
import java.util.Optional;

/**
 * What a share lets someone do with a resource, each right including the ones before it: READ (see it), CONTRIB
 * (add to it: write, submit), MANAGER (publish, change it, delete it, change its shares). The owner holds MANAGER.
 */
public enum Right {
    READ, CONTRIB, MANAGER;

    /** Whether holding this right allows {@code wanted}. */
    public boolean includes(Right wanted) {
        return compareTo(wanted) >= 0;
    }

    /** The right's name as the API and the forms spell it: {@code read}, {@code contrib}, {@code manager}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Right> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Right r : values()) {
            if (r.code().equals(code.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
