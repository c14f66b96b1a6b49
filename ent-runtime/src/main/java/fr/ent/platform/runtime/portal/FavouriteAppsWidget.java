package fr.ent.platform.runtime.portal;

import fr.ent.platform.runtime.web.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/** "Mes applications" first on the signed-in home page: the user's favourite apps, reordered with plain buttons. */
@ApplicationScoped
public class FavouriteAppsWidget implements HomeWidget {

    @Inject
    FavouriteApps favourites;

    @Override
    public String app() {
        return FavouriteApps.APP;
    }

    @Override
    public int position() {
        return 5;
    }

    @Override
    public Optional<Widget> render(Reader reader) {
        if (reader.user().isEmpty() || reader.user().get().entUserId().isEmpty() || reader.csrfToken().isEmpty()
                || !favourites.available(reader.tenant())) {
            return Optional.empty();
        }
        FavouriteApps.Favourites mine = favourites.of(reader.tenant(), reader.user().get(), reader.locale());
        return Optional.of(new Widget("favourites", Pages.text("favourites.title", reader.locale()),
                output -> Pages.renderTo("favourites.jte", Map.of("mine", mine, "csrf", reader.csrfToken().get(),
                        "locale", reader.locale()), output)));
    }
}
