package fr.ent.platform.apps.documents;

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
 * The espace documentaire as it states itself to the platform: every profile has a space of its own (within the
 * quota of its profile) and reads what is shared with it. Folders and files are one shareable resource type,
 * {@code node}: a share of a folder reaches everything under it.
 */
@ApplicationScoped
public class DocumentsApp {

    public static final String ID = "documents";
    /** The shared resource type: a folder or a file. */
    public static final String NODE = "node";

    @Produces
    public static final AppDescriptor DESCRIPTOR = new AppDescriptor(ID,
            Set.of(Roles.STUDENT, Roles.RELATIVE, Roles.TEACHER, Roles.PERSONNEL, Roles.GUEST),
            Optional.of(new AppDescriptor.Launcher("app.name", "documents.svg", "/documents")),
            "fr.ent.platform.apps.documents.messages");

    public static ResourceRef node(UUID id) {
        return new ResourceRef(ID, NODE, id.toString());
    }

    /** The app's texts in a language (French when it has none). */
    public static ResourceBundle texts(Locale locale) {
        return Pages.bundle(DESCRIPTOR.messages(), locale, DocumentsApp.class.getClassLoader());
    }
}
