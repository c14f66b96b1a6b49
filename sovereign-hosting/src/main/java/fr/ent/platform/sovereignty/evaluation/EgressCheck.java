package fr.ent.platform.sovereignty.evaluation;

import fr.ent.platform.sovereignty.catalogue.Catalogue;
import fr.ent.platform.sovereignty.catalogue.Rule;
import fr.ent.platform.sovereignty.catalogue.RuleId;
import fr.ent.platform.sovereignty.inventory.EgressEndpoint;
import fr.ent.platform.sovereignty.inventory.Inventory;
import fr.ent.platform.sovereignty.policy.PolicyConfiguration;
import java.util.List;
import java.util.Objects;

/**
 * The catalogue's rules about outbound calls applied to one endpoint, for the applications that refuse a call at
 * run time: the same evaluators as the continuous evaluation and the report, over an inventory holding only that
 * endpoint.
 */
public final class EgressCheck {

    /** The rules that judge an egress endpoint: destination allowed, located in the EU, encrypted. */
    public static final List<RuleId> RULES = List.of(RuleId.SNC_EGRESS_ALLOWLIST, RuleId.GDPR_ART44_TRANSFER,
            RuleId.SNC_TLS_EGRESS);

    private final Catalogue catalogue;
    private final PolicyConfiguration policy;

    public EgressCheck(Catalogue catalogue, PolicyConfiguration policy) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Every egress rule's finding for this endpoint, in {@link #RULES} order. */
    public List<Finding> findings(EgressEndpoint endpoint) {
        Inventory only = Inventory.empty().withEgress(List.of(endpoint));
        return RULES.stream().map(catalogue::rule).map(rule -> finding(rule, only)).toList();
    }

    /** The blocking violations: a call to this endpoint must not leave. */
    public List<Finding> refusals(EgressEndpoint endpoint) {
        return findings(endpoint).stream().filter(Finding::blocking).toList();
    }

    private Finding finding(Rule rule, Inventory inventory) {
        Verdict v = rule.evaluator().evaluate(inventory, policy, null);
        return new Finding(rule.id(), rule.severity(), v.status(), v.evidence(), v.fix());
    }
}
