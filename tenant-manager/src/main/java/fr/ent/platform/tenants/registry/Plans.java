package fr.ent.platform.tenants.registry;

import fr.ent.platform.tenancy.InvalidTenantInputException;
import java.util.regex.Pattern;

/**
 * SLA plan names as the registry stores them. Which plans exist (and their objectives) is the SLA configuration's
 * business ({@code ENT_SLA_PLANS}, observability's {@code SlaPlans}); the admin API refuses a plan it does not
 * define. Here only the form is checked, as the registry's CHECK constraint does.
 */
public final class Plans {

    /** The registry's default, as in migration V3: what every collectivity had before plans existed. */
    public static final String DEFAULT = "standard";
    private static final Pattern FORM = Pattern.compile("^[a-z][a-z0-9-]{0,31}$");

    private Plans() {
    }

    public static String check(String plan) {
        if (plan == null || !FORM.matcher(plan).matches()) {
            throw new InvalidTenantInputException("plan", "plan.unknown", String.valueOf(plan), DEFAULT);
        }
        return plan;
    }
}
