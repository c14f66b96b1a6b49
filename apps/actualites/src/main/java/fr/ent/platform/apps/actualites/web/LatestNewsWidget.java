package fr.ent.platform.apps.actualites.web;

import fr.ent.platform.apps.actualites.ActualitesApp;
import fr.ent.platform.apps.actualites.Author;
import fr.ent.platform.apps.actualites.News;
import fr.ent.platform.apps.actualites.Views;
import fr.ent.platform.runtime.portal.HomeWidget;
import fr.ent.platform.runtime.portal.Widget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The latest news the signed-in reader may read, on the home page; nothing when there is none for them. */
@ApplicationScoped
public class LatestNewsWidget implements HomeWidget {

    static final int SHOWN = 5;

    @Inject
    News news;

    @Override
    public String app() {
        return ActualitesApp.ID;
    }

    @Override
    public int position() {
        return 5;
    }

    @Override
    public Optional<Widget> render(Reader reader) {
        if (reader.user().isEmpty() || reader.user().get().entUserId().flatMap(Author::uuid).isEmpty()) {
            return Optional.empty();
        }
        List<Views.Item> items = news.latest(Author.of(reader.user().get()), SHOWN);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        Texts t = new Texts(reader.locale());
        return Optional.of(new Widget("actualites", t.get("widget.title"), output -> NewsPages.TEMPLATES.render(
                "widget.jte", Map.of("t", t, "items", items), output)));
    }
}
