package fr.ent.platform.runtime.sharing;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A shareable resource, named by the app that owns it: its app id, a type inside the app ({@code thread},
 * {@code folder}...) and its id there. The sharing service never reads the app's tables: the app registers the
 * resource when it creates it and forgets it when it deletes it.
 */
public record ResourceRef(String app, String type, String id) {

    private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9-]{1,30}$");
    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9-]{1,64}$");

    public ResourceRef {
        Objects.requireNonNull(app);
        Objects.requireNonNull(type);
        Objects.requireNonNull(id);
        if (!valid(app, type, id)) {
            throw new IllegalArgumentException("not a resource reference: " + app + "/" + type + "/" + id);
        }
    }

    /** Whether three texts (from a path) name a resource: lower-case names, an id of letters, digits and dashes. */
    public static boolean valid(String app, String type, String id) {
        return app != null && type != null && id != null && NAME.matcher(app).matches()
                && NAME.matcher(type).matches() && ID.matcher(id).matches();
    }

    @Override
    public String toString() {
        return app + "/" + type + "/" + id;
    }
}
