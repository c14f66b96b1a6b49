package fr.ent.platform.apps.flash;

import fr.ent.platform.runtime.portal.HomeWidget;
import fr.ent.platform.runtime.portal.Widget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The flash messages shown to the signed-in reader, first on the home page, each with a button that hides it for
 * them. Nothing for anonymous readers, nor when no message is shown to them.
 */
@ApplicationScoped
public class FlashWidget implements HomeWidget {

    @Inject
    FlashMessages messages;


    @Override
    public String app() {
        return FlashApp.ID;
    }

    @Override
    public int position() {
        return 0;
    }

    @Override
    public Optional<Widget> render(Reader reader) {
        if (reader.user().isEmpty() || reader.csrfToken().isEmpty()) {
            return Optional.empty();
        }
        List<ShownFlash> items = messages.current(messages.recipient(reader.user().get()));
        if (items.isEmpty()) {
            return Optional.empty();
        }
        Texts t = new Texts(reader.locale());
        String csrf = reader.csrfToken().get();
        return Optional.of(new Widget("flash", t.get("widget.title"), output -> FlashPages.TEMPLATES.render(
                "widget.jte", Map.of("t", t, "items", items, "csrf", csrf), output)));
    }
}
