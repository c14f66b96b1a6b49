package fr.ent.platform.sovereignty.catalogue;

import fr.ent.platform.sovereignty.evaluation.Verdict;
import fr.ent.platform.sovereignty.inventory.CollectivityResidency;
import fr.ent.platform.sovereignty.inventory.Inventory;
import fr.ent.platform.sovereignty.policy.PolicyConfiguration;

/** Checks one rule over an inventory; {@code collectivity} is null for a {@link Scope#PLATFORM} rule. */
@FunctionalInterface
public interface RuleEvaluator {
    Verdict evaluate(Inventory inventory, PolicyConfiguration policy, CollectivityResidency collectivity);
}
