package fr.ent.platform.sovereignty.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.sovereignty.Fixtures;
import fr.ent.platform.sovereignty.catalogue.Catalogue;
import fr.ent.platform.sovereignty.catalogue.RuleId;
import fr.ent.platform.sovereignty.inventory.EgressEndpoint;
import fr.ent.platform.sovereignty.inventory.EgressEndpoint.Kind;
import org.junit.jupiter.api.Test;

class EgressCheckTest {

    private final EgressCheck check = new EgressCheck(Catalogue.standard(), Fixtures.policy());

    private static EgressEndpoint ai(String scheme, String host, String region) {
        return new EgressEndpoint("ai", Kind.AI_PROVIDER, scheme, host, -1, scheme.equals("https"), region, null);
    }

    @Test
    void anAllowedEncryptedEndpointInTheEuPassesEveryEgressRule() {
        assertThat(check.findings(ai("https", "llm.ia.example.fr", "de-fra")))
                .extracting(Finding::ruleId, Finding::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RuleId.SNC_EGRESS_ALLOWLIST, Status.COMPLIANT),
                        org.assertj.core.groups.Tuple.tuple(RuleId.GDPR_ART44_TRANSFER, Status.COMPLIANT),
                        org.assertj.core.groups.Tuple.tuple(RuleId.SNC_TLS_EGRESS, Status.COMPLIANT));
        assertThat(check.refusals(ai("https", "llm.ia.example.fr", "fr-par"))).isEmpty();
    }

    @Test
    void eachBrokenRuleIsNamedOnItsOwn() {
        assertThat(check.refusals(ai("https", "api.example.com", "fr-par"))).extracting(Finding::ruleId)
                .containsExactly(RuleId.SNC_EGRESS_ALLOWLIST);
        assertThat(check.refusals(ai("https", "llm.ia.example.fr", "us-east-1"))).extracting(Finding::ruleId)
                .containsExactly(RuleId.GDPR_ART44_TRANSFER);
        assertThat(check.refusals(ai("https", "llm.ia.example.fr", null))).extracting(Finding::ruleId)
                .containsExactly(RuleId.GDPR_ART44_TRANSFER);
        assertThat(check.refusals(ai("http", "llm.ia.example.fr", "fr-par"))).extracting(Finding::ruleId)
                .containsExactly(RuleId.SNC_TLS_EGRESS);
        assertThat(check.refusals(ai("https", "llm.ia.example.fr", "us-east-1")).get(0).fix())
                .contains("UE");
    }
}
