package fr.ent.platform.sovereignty.evaluation;

import fr.ent.platform.sovereignty.catalogue.Catalogue;
import fr.ent.platform.sovereignty.catalogue.Rule;
import fr.ent.platform.sovereignty.catalogue.Scope;
import fr.ent.platform.sovereignty.inventory.CollectivityResidency;
import fr.ent.platform.sovereignty.inventory.Inventory;
import fr.ent.platform.sovereignty.policy.PolicyConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Runs every rule of a catalogue over an inventory: platform rules once, collectivity rules per collectivity. */
public final class ComplianceEvaluator {

    private final Catalogue catalogue;
    private final PolicyConfiguration policy;

    public ComplianceEvaluator(Catalogue catalogue, PolicyConfiguration policy) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public EvaluationResult evaluate(Inventory inventory) {
        ComplianceReport platform = new ComplianceReport(null, run(Scope.PLATFORM, inventory, null));
        List<ComplianceReport> perCollectivity = new ArrayList<>();
        for (CollectivityResidency c : inventory.collectivities()) {
            perCollectivity.add(new ComplianceReport(c.slug(), run(Scope.COLLECTIVITY, inventory, c)));
        }
        return new EvaluationResult(platform, perCollectivity);
    }

    private List<Finding> run(Scope scope, Inventory inventory, CollectivityResidency collectivity) {
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : catalogue.rules()) {
            if (rule.scope() != scope) {
                continue;
            }
            Verdict verdict = rule.evaluator().evaluate(inventory, policy, collectivity);
            findings.add(new Finding(rule.id(), rule.severity(), verdict.status(), verdict.evidence(), verdict.fix()));
        }
        return findings;
    }
}
