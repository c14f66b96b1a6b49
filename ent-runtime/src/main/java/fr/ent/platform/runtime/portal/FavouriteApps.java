package fr.ent.platform.runtime.portal;

import fr.ent.platform.runtime.choices.PersonalChoices;
import fr.ent.platform.runtime.tenant.Tenant;
import fr.ent.platform.runtime.web.Shell;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A user's favourite apps, in their order: the apps of their launcher they chose (all of them, in the launcher's
 * order, until they choose). An app the user may no longer open (disabled, or not for their profile) drops out
 * of the list shown, and out of the list kept at the next change. The choice is kept by the directory
 * ({@link PersonalChoices}), so the home page shows it only where the directory is enabled.
 */
@ApplicationScoped
public class FavouriteApps {

    public static final String APP = "directory";
    static final int MAX = 30;

    @Inject
    Launcher launcher;

    @Inject
    Instance<PersonalChoices> choices;

    /** The favourites and the other apps the user may add, both as launcher entries. */
    public record Favourites(List<Shell.LauncherEntry> chosen, List<Shell.LauncherEntry> others) {
    }

    public Favourites of(Tenant tenant, fr.ent.platform.identity.VerifiedToken user, Locale locale) {
        Map<String, Shell.LauncherEntry> allowed = new LinkedHashMap<>();
        launcher.entries(tenant, java.util.Optional.of(user), locale).forEach(e -> allowed.put(e.id(), e));
        List<String> order = user.entUserId().map(UUID::fromString)
                .flatMap(me -> choices.get().favouriteApps(me)).orElse(List.copyOf(allowed.keySet()));
        List<Shell.LauncherEntry> chosen = order.stream().filter(allowed::containsKey).map(allowed::get).toList();
        List<Shell.LauncherEntry> others = allowed.values().stream().filter(e -> !order.contains(e.id())).toList();
        return new Favourites(chosen, others);
    }

    /** Applies one change (add, remove, up, down) to the user's favourites; an app they may not open is ignored. */
    public void change(Tenant tenant, fr.ent.platform.identity.VerifiedToken user, Locale locale, String action,
            String app) {
        UUID me = UUID.fromString(user.entUserId().orElseThrow());
        Favourites now = of(tenant, user, locale);
        List<String> ids = new ArrayList<>(now.chosen().stream().map(Shell.LauncherEntry::id).toList());
        boolean mayOpen = now.chosen().stream().anyMatch(e -> e.id().equals(app))
                || now.others().stream().anyMatch(e -> e.id().equals(app));
        if (!mayOpen) {
            return;
        }
        int i = ids.indexOf(app);
        switch (action) {
            case "add" -> {
                if (i < 0 && ids.size() < MAX) {
                    ids.add(app);
                }
            }
            case "remove" -> ids.remove(app);
            case "up" -> {
                if (i > 0) {
                    java.util.Collections.swap(ids, i, i - 1);
                }
            }
            case "down" -> {
                if (i >= 0 && i < ids.size() - 1) {
                    java.util.Collections.swap(ids, i, i + 1);
                }
            }
            default -> {
                return;
            }
        }
        choices.get().chooseFavouriteApps(me, ids);
    }

    public boolean available(Tenant tenant) {
        return choices.isResolvable() && tenant.enables(APP);
    }
}
