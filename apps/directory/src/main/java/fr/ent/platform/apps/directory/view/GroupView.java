package fr.ent.platform.apps.directory.view;

import fr.ent.platform.apps.directory.model.EntGroup;
import fr.ent.platform.apps.directory.model.GroupType;
import java.util.UUID;

/** A group as lists show it. */
public record GroupView(UUID id, UUID structureId, UUID classId, String name, GroupType type, String profile) {

    public static GroupView of(EntGroup g) {
        return new GroupView(g.id(), g.structureId(), g.classId(), g.name(), g.type(), g.profile());
    }
}
