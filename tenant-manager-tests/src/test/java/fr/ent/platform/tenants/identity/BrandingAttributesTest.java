package fr.ent.platform.tenants.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.branding.BrandColour;
import fr.ent.platform.tenancy.CollectivityKind;
import fr.ent.platform.tenancy.Slug;
import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenancy.TenantState;
import fr.ent.platform.branding.Branding;
import fr.ent.platform.tenants.registry.Collectivity;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the login theme reads from a realm: the registry's branding, every key written even when unset. */
class BrandingAttributesTest {

    private static final Collectivity LYON = new Collectivity(new UUID(0, 1), "lyon", CollectivityKind.COMMUNE,
            "Ville de Lyon", List.of("ent.lyon.fr", "lyon.ent.fr"), TenantState.ACTIVE, null, null,
            TenantNames.of(Slug.of("lyon")), null, null, false, null, null);
    private static final PortalUrls PORTAL = new PortalUrls(PortalUrls.DEFAULT_TEMPLATE);

    @Test
    void colourAndLogoOnTheCollectivitysFirstDomain() {
        String sha = "ab".repeat(32);
        JsonObject attributes = RealmDefinition.brandingAttributes(LYON, new Branding(
                Optional.of(new BrandColour("#C8102E")), Optional.of(new BrandColour("#1d3557")), Optional.of(sha)),
                PORTAL);

        assertThat(attributes.getString(RealmDefinition.PRIMARY_COLOUR)).isEqualTo("#c8102e");
        assertThat(attributes.getString(RealmDefinition.ACCENT_COLOUR)).isEqualTo("#1d3557");
        assertThat(attributes.getString(RealmDefinition.LOGO_URL))
                .isEqualTo("https://ent.lyon.fr/branding/logo?v=abababababababab");
    }

    @Test
    void noBrandingEmptiesEveryKeySoThatARemovedLogoLeavesTheRealm() {
        JsonObject attributes = RealmDefinition.brandingAttributes(LYON, Branding.NONE, PORTAL);

        assertThat(attributes.keySet()).containsExactlyInAnyOrder(RealmDefinition.PRIMARY_COLOUR,
                RealmDefinition.ACCENT_COLOUR, RealmDefinition.LOGO_URL);
        assertThat(attributes.values()).allSatisfy(v -> assertThat(v.toString()).isEqualTo("\"\""));
    }

    @Test
    void theRealmUsesOurThemeInFrenchEnglishAndSpanish() {
        JsonObject realm = RealmDefinition.full(LYON, PORTAL);

        assertThat(realm.getString("loginTheme")).isEqualTo(RealmDefinition.LOGIN_THEME);
        assertThat(realm.getJsonArray("supportedLocales").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("fr", "en", "es");
        assertThat(realm.getJsonObject("attributes").getString(RealmDefinition.LOGO_URL)).isEmpty();
    }
}
