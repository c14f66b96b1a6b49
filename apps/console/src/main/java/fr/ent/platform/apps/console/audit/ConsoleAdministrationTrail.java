package fr.ent.platform.apps.console.audit;

import fr.ent.platform.apps.console.scope.ConsoleScope;
import fr.ent.platform.identity.VerifiedToken;
import fr.ent.platform.runtime.audit.AdministrationTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/**
 * The console's audit trail as the platform's {@link AdministrationTrail}: changes administrators make on other
 * apps' screens (a school's quiet hours, on the notifications app's page; ADR 0029) are entries of the same table,
 * about their school, read within the same scope as the console's own.
 */
@ApplicationScoped
public class ConsoleAdministrationTrail implements AdministrationTrail {

    /** Actions recorded from other apps' screens, offered in the trail's filter with the console's routes. */
    public static final List<String> OTHER_SCREENS = List.of("QUIET_HOURS_SAVE");

    @Inject
    ConsoleAudit audit;

    @Override
    public void record(VerifiedToken who, String action, School school, Outcome outcome, String detail) {
        // whoever the app let change a school administers it; a token that is no console user is still named
        ConsoleScope scope = ConsoleScope.of(who).orElseGet(() -> new ConsoleScope(false, Set.of(), who.username()));
        audit.record(scope, action, AuditTarget.inSchools("school", school.id(), school.name(), Set.of(school.uai())),
                fr.ent.platform.apps.console.audit.Outcome.valueOf(outcome.name()), detail);
    }
}
