package fr.ent.platform.apps.wiki;

import fr.ent.platform.runtime.apps.AppDescriptor;
import fr.ent.platform.runtime.security.Roles;
import fr.ent.platform.runtime.sharing.ResourceRef;
import fr.ent.platform.runtime.web.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.UUID;

/**
 * The wiki as it states itself to the platform: a launcher entry for pupils, parents, teachers and personnel (a
 * guest belongs to no class nor school). A wiki is the shared resource {@code wiki/wiki/<id>} of the platform's share
 * rights; its pages have no shares of their own (they follow their wiki).
 */
@ApplicationScoped
public class WikiApp {

    public static final String ID = "wiki";
    /** The type of a wiki among the app's shared resources. */
    public static final String WIKI = "wiki";

    @Produces
    public static final AppDescriptor DESCRIPTOR = new AppDescriptor(ID,
            Set.of(Roles.STUDENT, Roles.RELATIVE, Roles.TEACHER, Roles.PERSONNEL),
            Optional.of(new AppDescriptor.Launcher("app.name", "wiki.svg", "/wiki")),
            "fr.ent.platform.apps.wiki.messages");

    /** The texts of the app in a language (French when it has none). */
    public static ResourceBundle texts(Locale locale) {
        return Pages.bundle(DESCRIPTOR.messages(), locale, WikiApp.class.getClassLoader());
    }

    public static ResourceRef resource(UUID wiki) {
        return new ResourceRef(ID, WIKI, wiki.toString());
    }
}
