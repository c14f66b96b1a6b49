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
            Optional.of(new AppDescriptor.Launcher("app.name", "directory.svg", "/api/directory/structures")),
            "fr.ent.platform.apps.directory.messages");
}
