package fr.ent.platform.tenants.registry;

import fr.ent.platform.tenancy.CollectivityKind;
import fr.ent.platform.tenancy.DomainName;
import fr.ent.platform.tenancy.InvalidTenantInputException;
import fr.ent.platform.tenancy.Slug;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A checked request for a new collectivity: every field validated, schema and role names derived from the slug. */
public record NewCollectivity(Slug slug, CollectivityKind kind, String displayName, List<DomainName> domains,
        String plan) {

    /** With the default plan. */
    public static NewCollectivity of(String slug, String kind, String displayName, List<String> domains) {
        return of(slug, kind, displayName, domains, Plans.DEFAULT);
    }

    public static NewCollectivity of(String slug, String kind, String displayName, List<String> domains,
            String plan) {
        Slug checkedSlug = Slug.of(slug);
        CollectivityKind checkedKind = CollectivityKind.parse(kind);
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            throw new InvalidTenantInputException("displayName", "displayName.required");
        }
        if (domains == null || domains.isEmpty()) {
            throw new InvalidTenantInputException("domains", "domain.required");
        }
        Set<DomainName> unique = new LinkedHashSet<>();
        for (String domain : domains) {
            if (!unique.add(new DomainName(domain))) {
                throw new InvalidTenantInputException("domains", "domain.duplicate", domain);
            }
        }
        return new NewCollectivity(checkedSlug, checkedKind, displayName.strip(), List.copyOf(unique),
                Plans.check(plan));
    }
}
