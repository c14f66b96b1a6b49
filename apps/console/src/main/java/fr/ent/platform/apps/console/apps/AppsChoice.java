package fr.ent.platform.apps.console.apps;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The collectivity's choice of apps as tenant-manager keeps it ({@code enabled}: a list, or empty for every app of
 * the platform, now and later) and one app turned on or off. Pure, for unit tests.
 *
 * <p>Turning the last missing app back on gives "every app" again rather than a list that happens to hold them all:
 * a collectivity that never chose keeps getting the apps the platform adds, and one that tried a change and undid it
 * is back where it was.
 */
public record AppsChoice(Optional<List<String>> enabled, List<String> installed) {

    public AppsChoice {
        enabled = enabled.map(List::copyOf);
        installed = List.copyOf(installed);
    }

    public boolean enables(String app) {
        return enabled.map(list -> list.contains(app)).orElse(true);
    }

    /** The choice with {@code app} (an installed one) on or off. */
    public AppsChoice with(String app, boolean on) {
        if (!installed.contains(app)) {
            throw new IllegalArgumentException("not an app of the platform: " + app);
        }
        TreeSet<String> apps = new TreeSet<>(enabled.orElse(installed));
        if (on) {
            apps.add(app);
        } else {
            apps.remove(app);
        }
        apps.retainAll(installed);
        return new AppsChoice(apps.containsAll(installed) ? Optional.empty() : Optional.of(new ArrayList<>(apps)),
                installed);
    }
}
