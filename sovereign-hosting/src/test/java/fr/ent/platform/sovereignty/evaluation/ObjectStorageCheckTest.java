package fr.ent.platform.sovereignty.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.sovereignty.Fixtures;
import fr.ent.platform.sovereignty.catalogue.Catalogue;
import fr.ent.platform.sovereignty.catalogue.RuleId;
import fr.ent.platform.sovereignty.inventory.EgressEndpoint;
import fr.ent.platform.sovereignty.inventory.EgressEndpoint.Kind;
import fr.ent.platform.sovereignty.inventory.Residency;
import org.junit.jupiter.api.Test;

/** The rules an S3 file store must pass before the runtime uses it (ADR 0020). */
class ObjectStorageCheckTest {

    private final ObjectStorageCheck check = new ObjectStorageCheck(Catalogue.standard(), Fixtures.policy());

    private static EgressEndpoint s3(String scheme, String host, String region, String provider) {
        return new EgressEndpoint("storage", Kind.OBJECT_STORAGE, scheme, host, -1, scheme.equals("https"), region,
                provider);
    }

    @Test
    void aQualifiedFrenchEncryptedAllowedStorePassesEveryRule() {
        assertThat(check.findings(s3("https", "ent.s3.fr-par.example.net", "fr-par", "ovhcloud"), Residency.FR))
                .extracting(Finding::ruleId, Finding::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(RuleId.SNC_EGRESS_ALLOWLIST, Status.COMPLIANT),
                        org.assertj.core.groups.Tuple.tuple(RuleId.GDPR_ART44_TRANSFER, Status.COMPLIANT),
                        org.assertj.core.groups.Tuple.tuple(RuleId.SNC_TLS_EGRESS, Status.COMPLIANT),
                        org.assertj.core.groups.Tuple.tuple(RuleId.SNC_QUALIFIED_PROVIDER, Status.COMPLIANT),
                        org.assertj.core.groups.Tuple.tuple(RuleId.SNC_REGION_DATA, Status.COMPLIANT));
    }

    @Test
    void aRegionOutsideTheSovereignListIsRefused() {
        // in the EU but not in France: fine for the EU residency, refused for FR collectivities' files
        EgressEndpoint frankfurt = s3("https", "ent.s3.fr-par.example.net", "de-fra", "outscale");
        assertThat(check.refusals(frankfurt, Residency.FR)).extracting(Finding::ruleId)
                .containsExactly(RuleId.SNC_REGION_DATA);
        assertThat(check.refusals(frankfurt, Residency.EU)).isEmpty();
        // outside the EU: refused for both, as a transfer and as a location
        assertThat(check.refusals(s3("https", "ent.s3.fr-par.example.net", "us-east-1", "ovhcloud"), Residency.EU))
                .extracting(Finding::ruleId)
                .containsExactly(RuleId.GDPR_ART44_TRANSFER, RuleId.SNC_REGION_DATA);
        // no region declared: unknown location, refused
        assertThat(check.refusals(s3("https", "ent.s3.fr-par.example.net", null, "ovhcloud"), Residency.FR))
                .extracting(Finding::ruleId)
                .containsExactly(RuleId.GDPR_ART44_TRANSFER, RuleId.SNC_REGION_DATA);
    }

    @Test
    void eachOtherBrokenRuleIsNamedOnItsOwn() {
        assertThat(check.refusals(s3("https", "s3.amazonaws.com", "fr-par", "ovhcloud"), Residency.FR))
                .extracting(Finding::ruleId).containsExactly(RuleId.SNC_EGRESS_ALLOWLIST);
        assertThat(check.refusals(s3("http", "ent.s3.fr-par.example.net", "fr-par", "ovhcloud"), Residency.FR))
                .extracting(Finding::ruleId).containsExactly(RuleId.SNC_TLS_EGRESS);
        assertThat(check.refusals(s3("https", "ent.s3.fr-par.example.net", "fr-par", "scaleway"), Residency.FR))
                .extracting(Finding::ruleId).containsExactly(RuleId.SNC_QUALIFIED_PROVIDER);
        assertThat(check.refusals(s3("https", "ent.s3.fr-par.example.net", "fr-par", null), Residency.FR))
                .extracting(Finding::ruleId).containsExactly(RuleId.SNC_QUALIFIED_PROVIDER);
    }

    @Test
    void aBackupStoreIsJudgedByTheSameRulesItsRegionByTheBackupsRule() {
        EgressEndpoint paris = new EgressEndpoint("backup", Kind.BACKUP, "https", "ent.s3.fr-par.example.net", -1,
                true, "fr-par", "ovhcloud");
        assertThat(check.findings(paris, Residency.FR)).extracting(Finding::ruleId, Finding::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(RuleId.SNC_EGRESS_ALLOWLIST, Status.COMPLIANT),
                        org.assertj.core.groups.Tuple.tuple(RuleId.GDPR_ART44_TRANSFER, Status.COMPLIANT),
                        org.assertj.core.groups.Tuple.tuple(RuleId.SNC_TLS_EGRESS, Status.COMPLIANT),
                        org.assertj.core.groups.Tuple.tuple(RuleId.SNC_QUALIFIED_PROVIDER, Status.COMPLIANT),
                        org.assertj.core.groups.Tuple.tuple(RuleId.SNC_REGION_BACKUP, Status.COMPLIANT));
        EgressEndpoint frankfurt = new EgressEndpoint("backup", Kind.BACKUP, "https", "ent.s3.fr-par.example.net",
                -1, true, "de-fra", "outscale");
        assertThat(check.refusals(frankfurt, Residency.FR)).extracting(Finding::ruleId)
                .containsExactly(RuleId.SNC_REGION_BACKUP);
        assertThat(check.refusals(frankfurt, Residency.EU)).isEmpty();
    }

    @Test
    void onlyObjectStorageIsJudgedHere() {
        EgressEndpoint ai = new EgressEndpoint("ai", Kind.AI_PROVIDER, "https", "llm.ia.example.fr", -1, true,
                "fr-par", null);
        assertThatThrownBy(() -> check.findings(ai, Residency.FR)).isInstanceOf(IllegalArgumentException.class);
    }
}
