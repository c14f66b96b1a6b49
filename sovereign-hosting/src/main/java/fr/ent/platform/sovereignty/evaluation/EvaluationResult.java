package fr.ent.platform.sovereignty.evaluation;

import java.util.List;
import java.util.NoSuchElementException;

/** The platform-wide report and one report per collectivity (in the inventory's order). */
public record EvaluationResult(ComplianceReport platform, List<ComplianceReport> collectivities) {

    public EvaluationResult {
        collectivities = List.copyOf(collectivities);
    }

    public ComplianceReport collectivity(String slug) {
        return collectivities.stream().filter(r -> slug.equals(r.collectivity())).findFirst()
                .orElseThrow(() -> new NoSuchElementException("aucun rapport pour la collectivité " + slug));
    }

    /** A collectivity is compliant when its own report and the platform's are. */
    public boolean compliant(String slug) {
        return platform.compliant() && collectivity(slug).compliant();
    }
}
