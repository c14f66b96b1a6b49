package fr.ent.platform.operator.collectivity;

import fr.ent.platform.tenancy.CollectivityKind;
import fr.ent.platform.tenancy.DomainName;
import fr.ent.platform.tenancy.InvalidTenantInputException;
import fr.ent.platform.tenancy.Slug;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * Checks a Collectivity spec with the platform's own rules (platform-kernel's Slug, DomainName, CollectivityKind)
 * before anything is provisioned, and says in English what to fix. The CRD schema carries the same rules for a real
 * API server; this check is what protects tenant-manager when a resource bypassed it.
 */
final class SpecCheck {

    private static final ResourceBundle MESSAGES = ResourceBundle.getBundle("fr.ent.platform.problem.messages",
            Locale.ENGLISH, SpecCheck.class.getClassLoader(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    /** The plans of the CRD's enumeration (spec.plan), those of the platform's default SLA configuration. */
    static final List<String> PLANS = fr.ent.platform.observability.sla.SlaPlans.defaults().objectives().stream()
            .map(fr.ent.platform.observability.sla.SlaObjective::plan).toList();

    private SpecCheck() {
    }

    /** The problems of the spec, one sentence each; empty when it can be provisioned. */
    static List<String> problems(CollectivitySpec spec) {
        List<String> problems = new ArrayList<>();
        check(problems, () -> Slug.of(spec.getSlug()));
        check(problems, () -> CollectivityKind.parse(spec.getKind()));
        if (spec.getDisplayName() == null || spec.getDisplayName().isBlank()) {
            problems.add("spec.displayName is required.");
        }
        if (spec.getDomains().isEmpty()) {
            problems.add(text("domain.required"));
        }
        Set<String> seen = new HashSet<>();
        for (String domain : spec.getDomains()) {
            check(problems, () -> new DomainName(domain));
            if (!seen.add(domain)) {
                problems.add(text("domain.duplicate", domain));
            }
        }
        if (!PLANS.contains(spec.getPlan())) {
            problems.add(text("plan.unknown", spec.getPlan(), String.join(", ", PLANS)));
        }
        if (!List.of("retain", "delete").contains(spec.getReclaimPolicy())) {
            problems.add("spec.reclaimPolicy must be retain or delete, not \"" + spec.getReclaimPolicy() + "\".");
        }
        return problems;
    }

    /** Whether the slug alone is acceptable (a tenant may exist for it). */
    static boolean slugIsValid(String slug) {
        try {
            Slug.of(slug);
            return true;
        } catch (InvalidTenantInputException e) {
            return false;
        }
    }

    private static void check(List<String> problems, Runnable rule) {
        try {
            rule.run();
        } catch (InvalidTenantInputException e) {
            problems.add(text(e.messageKey(), e.arguments()));
        }
    }

    private static String text(String key, Object... arguments) {
        String pattern = MESSAGES.containsKey(key) ? MESSAGES.getString(key) : key;
        return new MessageFormat(pattern.replace("'", "''"), Locale.ENGLISH).format(arguments);
    }
}
