package fr.ent.platform.runtime.portal;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A form posted after its session ended, kept for its author until they have signed in again (see
 * {@link FormRecovery}): where it was going, its fields in order, whose it is and since when. Neither the stale
 * anti-forgery token nor any secret is kept: only an opaque tag of the author (collectivity and user), which the
 * token carried.
 */
public record SavedForm(String collectivity, String owner, String action, List<Field> fields, Instant savedAt)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * How long it is kept: as long as a sign-in started on {@code /auth/login} may take (LoginServlet's attempt
     * lifetime). Later, the author has moved on, and the browser may be someone else's by then.
     */
    public static final Duration KEPT_FOR = Duration.ofMinutes(15);
    /** What is kept at most: a form larger than this is a file upload or an abuse, not typing. */
    static final int MAX_CHARS = 64 * 1024;
    /** The anti-forgery field of every page form: the new session's goes in instead. */
    static final String TOKEN_FIELD = "csrf";
    /** Fields whose value must never outlive the request: a form that has one is not kept at all. */
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|passwd|pwd|secret|token|credential).*");

    /** One typed value. */
    public record Field(String name, String value) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    public SavedForm {
        fields = List.copyOf(fields);
    }

    /**
     * The form to keep, or none when it is too large to be typing or holds a secret (sent again without it, it would
     * not be the same request; kept, the secret would outlive it).
     */
    static Optional<SavedForm> of(String collectivity, String owner, String action, Map<String, String[]> parameters,
            Instant now) {
        List<Field> fields = new ArrayList<>();
        int size = 0;
        for (Map.Entry<String, String[]> p : parameters.entrySet()) {
            if (p.getKey().equals(TOKEN_FIELD)) {
                continue;
            }
            if (SECRET.matcher(p.getKey()).matches()) {
                return Optional.empty();
            }
            for (String value : p.getValue()) {
                size += p.getKey().length() + value.length();
                fields.add(new Field(p.getKey(), value));
            }
        }
        if (size > MAX_CHARS) {
            return Optional.empty();
        }
        return Optional.of(new SavedForm(collectivity, owner, action, fields, now));
    }

    /** Whether it may be shown to this signed-in user of this collectivity now: its author, in time. */
    boolean belongsTo(String collectivity, String owner, Instant now) {
        return this.collectivity.equals(collectivity) && this.owner.equals(owner)
                && now.isBefore(savedAt.plus(KEPT_FOR));
    }

    /** The values worth showing (blank ones are sent again, not shown), a field's several values together. */
    public Map<String, String> shown() {
        Map<String, String> shown = new java.util.LinkedHashMap<>();
        for (Field f : fields) {
            if (!f.value().isBlank()) {
                shown.merge(f.name(), f.value(), (a, b) -> a + ", " + b);
            }
        }
        return shown;
    }
}
