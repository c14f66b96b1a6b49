package fr.ent.platform.runtime.apps;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an ENT app states to the platform, in one place: each app module produces one (a CDI producer field, see
 * the directory's {@code DirectoryApp}).
 *
 * @param id       the app's id: its paths ({@code /api/<id>/...} and pages under {@code /<id>/...}), the
 *                 {@code app} label of the request metrics, its migrations folder {@code db/apps/<id>}, and
 *                 the name a collectivity enables it by
 * @param profiles the directory profiles that see it in the portal's launcher (realm role names)
 * @param launcher its launcher entry, if it has one (an app may be a service of the portal only)
 * @param messages the base name of its message bundle ({@code messages.properties}, {@code _en}, {@code _es})
 */
public record AppDescriptor(String id, Set<String> profiles, Optional<Launcher> launcher, String messages) {

    private static final Pattern ID = Pattern.compile("^[a-z][a-z0-9-]{1,30}$");

    public AppDescriptor {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("an app id is lower-case letters, digits and dashes: " + id);
        }
        profiles = Set.copyOf(profiles);
    }

    /**
     * An entry of the portal's launcher.
     *
     * @param nameKey the key of the app's name in its bundle
     * @param icon    the icon's file name under the platform's {@code /static/icons/}
     * @param path    where the launcher sends the user (a page of the app)
     */
    public record Launcher(String nameKey, String icon, String path) {
    }
}
