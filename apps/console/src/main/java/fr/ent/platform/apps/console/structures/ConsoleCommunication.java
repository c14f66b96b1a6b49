package fr.ent.platform.apps.console.structures;

import fr.ent.platform.apps.console.schools.ConsoleSchools;
import fr.ent.platform.apps.console.scope.ConsoleScope;
import fr.ent.platform.apps.directory.communication.SchoolRules;
import fr.ent.platform.apps.directory.view.GroupView;
import fr.ent.platform.apps.directory.view.SchoolRulesView;
import fr.ent.platform.apps.directory.view.StructureView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A school's communication rules (who may write to whom, ADR 0017) as its administrators read and change them in the
 * console (ADR 0029), through the directory's {@link SchoolRules}, never its tables. The scope is checked first
 * against the school ({@link ConsoleSchools#get}: 403 for a school out of reach, 404 for no school of this
 * collectivity); the directory then refuses a group that is not the school's as {@code group-not-found}, whatever
 * it is (another school's, another collectivity's, a guessed id).
 */
@ApplicationScoped
public class ConsoleCommunication {

    @Inject
    ConsoleSchools schools;

    @Inject
    SchoolRules rules;

    /** A rule with its two groups' names: members of {@code from} may write to {@code to} and its members. */
    public record Rule(GroupView from, GroupView to) {

        /** A group linked to itself: its members write to each other. */
        public boolean self() {
            return from.id().equals(to.id());
        }
    }

    /** A school's rules as the page shows them: the switch, the groups (for the form) and the rules by name. */
    public record Rules(StructureView school, boolean pupilsTalk, List<GroupView> groups, List<Rule> rules) {

        /** The groups' names, for the audit trail's detail. */
        public String describe(String from, String to) {
            Map<String, String> names = groups.stream().collect(Collectors.toMap(g -> g.id().toString(),
                    GroupView::name));
            return names.getOrDefault(from, String.valueOf(from)) + " → " + names.getOrDefault(to, String.valueOf(to));
        }
    }

    public Rules of(ConsoleScope scope, String schoolId) {
        StructureView school = schools.get(scope, schoolId);
        return shown(school, rules.of(schoolId));
    }

    public Rules pupilsTalk(ConsoleScope scope, String schoolId, Boolean allowed) {
        StructureView school = schools.get(scope, schoolId);
        return shown(school, rules.pupilsTalk(schoolId, allowed));
    }

    public Rules add(ConsoleScope scope, String schoolId, String from, String to) {
        StructureView school = schools.get(scope, schoolId);
        return shown(school, rules.addLink(schoolId, from, to));
    }

    public Rules remove(ConsoleScope scope, String schoolId, String from, String to) {
        StructureView school = schools.get(scope, schoolId);
        rules.removeLink(schoolId, from, to);
        return shown(school, rules.of(schoolId));
    }

    public Rules defaults(ConsoleScope scope, String schoolId) {
        StructureView school = schools.get(scope, schoolId);
        return shown(school, rules.applyDefaults(schoolId));
    }

    /** Rules sorted as a reader looks for them: by the writing group's name, then the reached group's. */
    static Rules shown(StructureView school, SchoolRulesView view) {
        Map<UUID, GroupView> byId = view.groups().stream().collect(Collectors.toMap(GroupView::id,
                Function.identity()));
        List<Rule> rules = view.links().stream().filter(l -> byId.containsKey(l.from()) && byId.containsKey(l.to()))
                .map(l -> new Rule(byId.get(l.from()), byId.get(l.to())))
                .sorted(Comparator.comparing((Rule r) -> r.from().name()).thenComparing(r -> r.to().name()))
                .toList();
        return new Rules(school, view.pupilsTalk(), view.groups(), rules);
    }
}
