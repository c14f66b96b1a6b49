package fr.ent.platform.apps.console.groups;

import fr.ent.platform.apps.console.people.ConsolePeople;
import fr.ent.platform.apps.console.schools.ConsoleSchools;
import fr.ent.platform.apps.console.scope.ConsoleScope;
import fr.ent.platform.apps.directory.model.GroupType;
import fr.ent.platform.apps.directory.service.GroupService;
import fr.ent.platform.apps.directory.service.StructureService;
import fr.ent.platform.apps.directory.view.GroupDetail;
import fr.ent.platform.apps.directory.view.GroupView;
import fr.ent.platform.apps.directory.view.NewGroup;
import fr.ent.platform.apps.directory.view.StructureView;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * A school's groups as its administrators see and change them, through the directory's GroupService (never its
 * tables): profile groups ("Enseignants", "Élèves — CP"...), computed by the directory from schools, classes and
 * families, are shown and never edited by hand; groups made by hand (MANUAL) are created here and their members
 * added and removed. A group of a school outside the scope is {@code group-not-found}, as a guessed id is; a member
 * must be a person the scope reaches and of the group's school (the directory checks the latter).
 */
@ApplicationScoped
public class ConsoleGroups {

    @Inject
    GroupService groups;

    @Inject
    StructureService structures;

    @Inject
    ConsoleSchools schools;

    @Inject
    ConsolePeople people;

    /** A group, its school and its members. */
    public record Group(GroupDetail detail, StructureView school) {

        /** Whether its members are chosen by hand (not a profile group). */
        public boolean manual() {
            return detail.group().type() != GroupType.PROFILE;
        }
    }

    public List<GroupView> list(ConsoleScope scope, String schoolId) {
        schools.get(scope, schoolId);
        return groups.list(schoolId);
    }

    /** Creates a group made by hand in the school ({@code group.name} when the name is empty or too long). */
    public GroupView create(ConsoleScope scope, String schoolId, String name) {
        schools.get(scope, schoolId);
        return groups.create(schoolId, new NewGroup(name, GroupType.MANUAL.name(), null, null));
    }

    public Group get(ConsoleScope scope, String groupId) {
        GroupDetail detail = groups.get(groupId);
        StructureView school = detail.group().structureId() == null ? null
                : structures.get(detail.group().structureId().toString());
        if (school == null || !scope.school(school.uai())) {
            throw new NotFound("group-not-found", groupId);
        }
        return new Group(detail, school);
    }

    /** Adds a person (a card the scope reaches) to a group made by hand; adding twice changes nothing. */
    public Group add(ConsoleScope scope, String groupId, String userId) {
        editable(scope, groupId);
        people.get(scope, userId);
        groups.addMembers(groupId, List.of(userId));
        return get(scope, groupId);
    }

    public Group remove(ConsoleScope scope, String groupId, String userId) {
        Group group = editable(scope, groupId);
        groups.removeMembers(group.detail().group().id().toString(), List.of(userId));
        return get(scope, groupId);
    }

    private Group editable(ConsoleScope scope, String groupId) {
        Group group = get(scope, groupId);
        if (!group.manual()) {
            throw InvalidInput.field("userIds", "group.profile-members");
        }
        return group;
    }
}
