package fr.ent.platform.runtime.moderation;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A content that can be reported and moderated, named by the app that holds it: its app id, a kind inside the app
 * ({@code message}, {@code item}, {@code comment}) and its id there. The moderation service never reads the app's
 * tables: it asks the app's {@link ContentSource}.
 */
public record ContentRef(String app, String kind, String id) {

    private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9-]{1,30}$");
    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9-]{1,64}$");

    public ContentRef {
        Objects.requireNonNull(app);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(id);
        if (!valid(app, kind, id)) {
            throw new IllegalArgumentException("not a content reference: " + app + "/" + kind + "/" + id);
        }
    }

    /** Whether three texts (from a form or a body) name a content: lower-case names, an id of letters, digits, dashes. */
    public static boolean valid(String app, String kind, String id) {
        return app != null && kind != null && id != null && NAME.matcher(app).matches()
                && NAME.matcher(kind).matches() && ID.matcher(id).matches();
    }

    @Override
    public String toString() {
        return app + "/" + kind + "/" + id;
    }
}
