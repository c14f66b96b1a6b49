package fr.ent.platform.tenants.registry;

import fr.ent.platform.tenancy.CollectivityKind;
import fr.ent.platform.tenancy.DomainName;
import fr.ent.platform.tenancy.InvalidTenantInputException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A checked change of a collectivity's description: each part is optional (absent = unchanged). */
public record CollectivityChange(Optional<String> displayName, Optional<CollectivityKind> kind,
        Optional<List<DomainName>> domains, Optional<String> plan) {

    public static CollectivityChange of(String displayName, String kind, List<String> domains) {
        return of(displayName, kind, domains, null);
    }

    /** {@code plan}: a hosting matter, changed by platform operators only (the admin API checks the caller). */
    public static CollectivityChange of(String displayName, String kind, List<String> domains, String plan) {
        Optional<String> name = Optional.ofNullable(displayName).map(n -> {
            if (n.isBlank() || n.length() > 200) {
                throw new InvalidTenantInputException("displayName", "displayName.required");
            }
            return n.strip();
        });
        Optional<CollectivityKind> checkedKind = Optional.ofNullable(kind).map(CollectivityKind::parse);
        Optional<List<DomainName>> checkedDomains = Optional.ofNullable(domains).map(list -> {
            if (list.isEmpty()) {
                throw new InvalidTenantInputException("domains", "domain.required");
            }
            Set<DomainName> unique = new LinkedHashSet<>();
            for (String domain : list) {
                if (!unique.add(new DomainName(domain))) {
                    throw new InvalidTenantInputException("domains", "domain.duplicate", domain);
                }
            }
            return List.copyOf(unique);
        });
        return new CollectivityChange(name, checkedKind, checkedDomains, Optional.ofNullable(plan).map(Plans::check));
    }
}
