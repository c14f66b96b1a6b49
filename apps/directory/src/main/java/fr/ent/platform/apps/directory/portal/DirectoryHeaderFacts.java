package fr.ent.platform.apps.directory.portal;

import fr.ent.platform.apps.directory.DirectoryApp;
import fr.ent.platform.apps.directory.service.StructureService;
import fr.ent.platform.runtime.portal.HeaderFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/**
 * The signed-in user's school in the header (a user is attached to one school), read with the schools the flash
 * messages need ({@link StructureService#schoolsOf}: one statement for both).
 */
@ApplicationScoped
public class DirectoryHeaderFacts implements HeaderFacts {

    @Inject
    StructureService structures;

    @Override
    public String app() {
        return DirectoryApp.ID;
    }

    @Override
    public List<String> schools(UUID user) {
        return structures.schoolsOf(user).own();
    }
}
