package fr.ent.platform.apps.directory.view;

import java.util.List;
import java.util.UUID;

/**
 * A school's communication rules as its administrators read them: the pupil-to-pupil switch, the school's groups
 * and the rules between them (members of {@code from} may write to {@code to} and its members).
 */
public record SchoolRulesView(UUID structureId, boolean pupilsTalk, List<GroupView> groups, List<Link> links) {

    public record Link(UUID from, UUID to) {
    }
}
