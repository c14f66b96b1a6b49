package fr.ent.platform.apps.directory.view;

import fr.ent.platform.apps.directory.model.SchoolClass;
import java.util.UUID;

/** A class as listed under its school. */
public record ClassView(UUID id, UUID structureId, String name, String level) {

    public static ClassView of(SchoolClass c) {
        return new ClassView(c.id(), c.structureId(), c.name(), c.level());
    }
}
