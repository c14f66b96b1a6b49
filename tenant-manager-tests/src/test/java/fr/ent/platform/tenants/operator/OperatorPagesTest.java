package fr.ent.platform.tenants.operator;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.tenancy.TenantState;
import fr.ent.platform.tenants.pages.PageText;
import fr.ent.platform.tenants.registry.ProvisioningStep;
import fr.ent.platform.tenants.registry.StepRecord;
import fr.ent.platform.tenants.access.OperatorCookie;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The operators' overview page and its cookie, without a server: every state, step status and availability case
 * has words in the three languages (a missing key throws), values are escaped, and the cookie is HttpOnly,
 * SameSite=Strict, scoped to the admin API and accepted by the read-only pages only.
 */
class OperatorPagesTest {

    static final Instant NOW = Instant.parse("2026-12-04T17:00:00Z");

    @Test
    void everyCaseOfTheOverviewHasItsWordsInEachLanguage() {
        List<OperatorRow> rows = new ArrayList<>();
        for (TenantState state : TenantState.values()) {
            rows.add(row("c-" + state.name().toLowerCase(Locale.ROOT), state, null));
        }
        rows.add(row("mesuree", TenantState.ACTIVE, new OperatorRow.Sla("99.8", 99.95, 60.5, true, null)));
        rows.add(row("depassee", TenantState.ACTIVE, new OperatorRow.Sla("99.8", 98.0, -20.0, false, null)));
        rows.add(row("sans-mesure", TenantState.ACTIVE, new OperatorRow.Sla("99.8", null, 86.4, null, null)));
        rows.add(row("sans-prometheus", TenantState.ACTIVE,
                new OperatorRow.Sla(null, null, null, null, "prometheus-not-configured")));
        for (Locale language : PageText.LANGUAGES) {
            String html = OperatorPagesResource.overviewHtml("/admin/api/v1/", rows, NOW, PageText.of(language));
            assertThat(html).contains("lang=\"" + language.getLanguage() + "\"", "<caption>", "scope=\"col\"",
                    "/admin/api/v1/collectivities/mesuree/compliance-report", "/admin/api/v1/operator/session/end");
        }
        String french = OperatorPagesResource.overviewHtml("/admin/api/v1/", rows, NOW, PageText.of(Locale.FRENCH));
        assertThat(french).contains("en échec", "à l'étape royaume Keycloak", "3 étape(s) terminée(s) sur 4",
                "royaume Keycloak : en échec", "<strong>99,950 %</strong> pour un objectif de 99,8 %",
                "budget restant : -20,0 minutes", "aucune mesure ce mois-ci (objectif 99,8 %)",
                "non disponible : <code>prometheus-not-configured</code>", "non conforme",
                "1 conforme(s), 1 non conforme(s), 0 avertissement(s), 12 non évaluable(s) sur 14 règles",
                "sans objet (collectivité non servie)");
        // data is escaped
        List<OperatorRow> hostile = List.of(new OperatorRow("x", "<script>alert(1)</script>", "commune",
                List.of("x.localhost"), TenantState.ACTIVE, null, null, List.of(), null,
                new OperatorRow.Compliance("non évaluable", 0, 0, 0, 14, 14)));
        assertThat(OperatorPagesResource.overviewHtml("/admin/api/v1/", hostile, NOW, PageText.of(Locale.FRENCH)))
                .doesNotContain("<script>").contains("&lt;script&gt;");
    }

    @Test
    void theSignInFormSaysWhyItIsShownAndPostsToItsAddress() {
        for (Locale language : PageText.LANGUAGES) {
            for (String key : new String[] {null, "operator.signin.required", "operator.signin.expired",
                "operator.signin.empty", "operator.signin.invalid", "operator.signin.forbidden",
                "operator.signin.unavailable", "operator.signin.ended"}) {
                String html = OperatorPagesResource.signInHtml("/admin/api/v1/", PageText.of(language), key);
                assertThat(html).contains("action=\"/admin/api/v1/operator/session\"", "<label for=\"token\">",
                        "id=\"token\"");
                assertThat(html.contains("role=\"alert\"")).isEqualTo(key != null);
            }
        }
    }

    @Test
    void theCookieIsHttpOnlyStrictAndOpensTheReadOnlyPagesOnly() {
        assertThat(OperatorCookie.cookie("eyJ.abc-_.x", false))
                .isEqualTo("ent_operator_token=eyJ.abc-_.x; Path=/admin/api/v1/; HttpOnly; SameSite=Strict");
        assertThat(OperatorCookie.cookie("eyJ.abc.x", true)).endsWith("; Secure");
        assertThat(OperatorCookie.cleared(false)).startsWith("ent_operator_token=; Max-Age=0; Path=/admin/api/v1/;");
        // nothing but a token's characters: no attribute smuggled in through the form
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OperatorCookie.cookie("a; Domain=evil", false))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(OperatorCookie.acceptsCookie("GET", List.of("operator"))).isTrue();
        assertThat(OperatorCookie.acceptsCookie("HEAD", List.of("operator"))).isTrue();
        assertThat(OperatorCookie.acceptsCookie("GET", List.of("collectivities", "lyon", "sla-report"))).isTrue();
        assertThat(OperatorCookie.acceptsCookie("GET", List.of("collectivities", "lyon", "compliance-report")))
                .isTrue();
        assertThat(OperatorCookie.acceptsCookie("POST", List.of("operator"))).isFalse();
        assertThat(OperatorCookie.acceptsCookie("GET", List.of("collectivities"))).isFalse();
        assertThat(OperatorCookie.acceptsCookie("GET", List.of("collectivities", "lyon"))).isFalse();
        assertThat(OperatorCookie.acceptsCookie("POST", List.of("collectivities", "lyon", "suspend"))).isFalse();
        assertThat(OperatorCookie.acceptsCookie("PUT", List.of("compliance", "inventory"))).isFalse();
        assertThat(OperatorCookie.acceptsCookie("GET", List.of("collectivities", "lyon", "accounts"))).isFalse();
    }

    private static OperatorRow row(String slug, TenantState state, OperatorRow.Sla sla) {
        List<StepRecord> steps = List.of(
                new StepRecord(ProvisioningStep.SCHEMA, "DONE", 1, NOW, NOW, null),
                new StepRecord(ProvisioningStep.MIGRATIONS, "DONE", 1, NOW, NOW, null),
                new StepRecord(ProvisioningStep.REALM, state == TenantState.FAILED ? "FAILED" : "DONE", 2, NOW, NOW,
                        state == TenantState.FAILED ? "Keycloak injoignable" : null),
                new StepRecord(ProvisioningStep.SEED, state == TenantState.PROVISIONING ? "RUNNING" : "PENDING", 0,
                        null, null, null));
        return new OperatorRow(slug, "Collectivité " + slug, "commune", List.of(slug + ".localhost"), state,
                state == TenantState.FAILED ? "REALM" : null, state == TenantState.FAILED ? "Keycloak injoignable"
                        : null, steps, sla,
                state == TenantState.FAILED ? new OperatorRow.Compliance("non conforme", 1, 1, 0, 12, 14)
                        : new OperatorRow.Compliance("non évaluable", 0, 0, 0, 14, 14));
    }
}
