package fr.ent.platform.sovereignty.evaluation;

import fr.ent.platform.sovereignty.catalogue.Catalogue;
import fr.ent.platform.sovereignty.catalogue.Rule;
import fr.ent.platform.sovereignty.catalogue.RuleId;
import fr.ent.platform.sovereignty.inventory.CollectivityResidency;
import fr.ent.platform.sovereignty.inventory.EgressEndpoint;
import fr.ent.platform.sovereignty.inventory.Inventory;
import fr.ent.platform.sovereignty.inventory.Residency;
import fr.ent.platform.sovereignty.policy.PolicyConfiguration;
import java.util.List;
import java.util.Objects;

/**
 * The catalogue's rules applied to the runtime's object storage (the S3 file store) before it is used: the
 * {@linkplain EgressCheck egress rules} (allowed host, in the EU, TLS), plus the two that matter because the
 * endpoint holds the collectivities' files: its provider is qualified, and its region is one that the residency
 * the store serves accepts ({@code FR}: {@code regions.fr} only). The same evaluators as the compliance report,
 * over an inventory holding only that endpoint; the runtime refuses to start when one blocks.
 *
 * <p>Also tenant-manager's backup store ({@link EgressEndpoint.Kind#BACKUP}, ADR 0046): the same rules, its region
 * judged by the backups' rule ({@link RuleId#SNC_REGION_BACKUP}) instead of the data's; tenant-manager refuses to
 * start with a backup bucket that breaks one.
 */
public final class ObjectStorageCheck {

    public static final List<RuleId> RULES = List.of(RuleId.SNC_EGRESS_ALLOWLIST, RuleId.GDPR_ART44_TRANSFER,
            RuleId.SNC_TLS_EGRESS, RuleId.SNC_QUALIFIED_PROVIDER, RuleId.SNC_REGION_DATA);

    /** The rules of a backup store: the same, its region by the backups' rule. */
    public static final List<RuleId> BACKUP_RULES = List.of(RuleId.SNC_EGRESS_ALLOWLIST, RuleId.GDPR_ART44_TRANSFER,
            RuleId.SNC_TLS_EGRESS, RuleId.SNC_QUALIFIED_PROVIDER, RuleId.SNC_REGION_BACKUP);

    private final Catalogue catalogue;
    private final PolicyConfiguration policy;

    public ObjectStorageCheck(Catalogue catalogue, PolicyConfiguration policy) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Every rule's finding for this storage endpoint serving collectivities of {@code residency}, in
     * {@link #RULES} order ({@link #BACKUP_RULES} for a backup store).
     */
    public List<Finding> findings(EgressEndpoint storage, Residency residency) {
        if (!storage.kind().storesData()) {
            throw new IllegalArgumentException("not an object storage endpoint: " + storage.name());
        }
        List<RuleId> rules = storage.kind() == EgressEndpoint.Kind.BACKUP ? BACKUP_RULES : RULES;
        Inventory only = Inventory.empty().withEgress(List.of(storage));
        // the region rule is per collectivity: judged for a stand-in collectivity of the residency served
        CollectivityResidency served = new CollectivityResidency(null, null, "stockage-" + residency.name()
                .toLowerCase(java.util.Locale.ROOT), residency);
        return rules.stream().map(catalogue::rule).map(rule -> finding(rule, only, served)).toList();
    }

    /** The blocking violations: the store must not be used. */
    public List<Finding> refusals(EgressEndpoint storage, Residency residency) {
        return findings(storage, residency).stream().filter(Finding::blocking).toList();
    }

    private Finding finding(Rule rule, Inventory inventory, CollectivityResidency served) {
        Verdict v = rule.evaluator().evaluate(inventory, policy, served);
        return new Finding(rule.id(), rule.severity(), v.status(), v.evidence(), v.fix());
    }
}
