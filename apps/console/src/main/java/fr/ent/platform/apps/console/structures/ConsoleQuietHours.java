package fr.ent.platform.apps.console.structures;

import fr.ent.platform.apps.console.schools.ConsoleSchools;
import fr.ent.platform.apps.console.scope.ConsoleScope;
import fr.ent.platform.apps.directory.view.StructureView;
import fr.ent.platform.apps.notifications.NotificationsApp;
import fr.ent.platform.apps.notifications.quiet.QuietRange;
import fr.ent.platform.apps.notifications.quiet.QuietRanges;
import fr.ent.platform.apps.notifications.quiet.StoredQuietRange.Owner;
import fr.ent.platform.apps.notifications.web.QuietHoursForm;
import fr.ent.platform.runtime.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A school's quiet hours (no notification e-mail or push in these ranges, the right to disconnect) as its
 * administrators set them in the console (ADR 0029): the notifications app's ranges and form rules
 * ({@link QuietRanges}, {@link QuietHoursForm}), after the scope is checked against the school. They are the
 * notifications app's: a collectivity that turned that app off has none to set (the page says so and takes no
 * change, {@link #available}).
 */
@ApplicationScoped
public class ConsoleQuietHours {

    @Inject
    ConsoleSchools schools;

    @Inject
    QuietRanges quiet;

    /** Whether this collectivity has the notifications app (quiet hours mean nothing without it). */
    public static boolean available(Tenant tenant) {
        return tenant.enables(NotificationsApp.ID);
    }

    public List<QuietRange> of(StructureView school) {
        return quiet.of(Owner.STRUCTURE, school.id());
    }

    /** The school, checked against the scope (403 out of reach, 404 none). */
    public StructureView school(ConsoleScope scope, String schoolId) {
        return schools.get(scope, schoolId);
    }

    /** Replaces the school's ranges with rows the form accepted ({@link QuietHoursForm#refusal} said nothing). */
    public List<QuietRange> replace(ConsoleScope scope, StructureView school, List<QuietHoursForm.Row> rows) {
        schools.get(scope, school.id().toString());
        return quiet.replace(Owner.STRUCTURE, school.id(), QuietHoursForm.ranges(rows));
    }

    /** Ranges as the audit trail says them: "MONDAY,TUESDAY 20:00-24:00; ..." (none: "none"). */
    public static String describe(List<QuietRange> ranges) {
        if (ranges.isEmpty()) {
            return "none";
        }
        return ranges.stream().map(r -> r.days().stream().sorted()
                        .map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ROOT)).collect(Collectors.joining(","))
                        + " " + QuietRange.time(r.startsMinute()) + "-" + QuietRange.time(r.endsMinute()))
                .collect(Collectors.joining("; "));
    }
}
