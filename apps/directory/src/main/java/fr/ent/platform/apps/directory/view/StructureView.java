package fr.ent.platform.apps.directory.view;

import fr.ent.platform.apps.directory.StructureType;
import fr.ent.platform.apps.directory.model.Structure;
import java.util.UUID;

/** A school as the API shows it. */
public record StructureView(UUID id, String uai, String name, StructureType type, String educationLevel,
        UUID parentId) {

    public static StructureView of(Structure s) {
        return new StructureView(s.id(), s.uai(), s.name(), s.type(), s.educationLevel(), s.parentId());
    }
}
