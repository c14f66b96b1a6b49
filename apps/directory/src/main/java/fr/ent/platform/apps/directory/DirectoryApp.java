package fr.ent.platform.apps.directory;

import fr.ent.platform.runtime.apps.AppDescriptor;
import fr.ent.platform.runtime.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Optional;
import java.util.Set;

/** The directory app as it states itself to the platform (see AppDescriptor). */
@ApplicationScoped
public class DirectoryApp {

    public static final String ID = "directory";

    @Produces
    public static final AppDescriptor DESCRIPTOR = new AppDescriptor(ID,
            Set.of(Roles.TEACHER, Roles.PERSONNEL, Roles.STUDENT, Roles.RELATIVE),
            // Its one launcher entry is "Ma classe", the directory's page for everyone of these profiles (the
            // rest of the directory is an API for administrators and feeds, no page to open from the launcher).
            Optional.of(new AppDescriptor.Launcher("my-class.title", "my-class.svg", "/directory/my-class")),
            "fr.ent.platform.apps.directory.messages");
}
