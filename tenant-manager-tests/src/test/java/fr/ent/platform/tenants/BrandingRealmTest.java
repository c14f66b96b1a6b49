package fr.ent.platform.tenants;

import static fr.ent.platform.tenants.ProvisioningTest.request;
import static fr.ent.platform.tenants.ProvisioningTest.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.problem.DomainException;
import fr.ent.platform.tenants.branding.LogoImage;
import fr.ent.platform.problem.ProblemStatuses;
import fr.ent.platform.tenants.branding.BrandingStore;
import fr.ent.platform.tenants.branding.CollectivityBranding;
import fr.ent.platform.tenants.identity.KeycloakAdmin;
import fr.ent.platform.tenants.identity.KeycloakRealms;
import fr.ent.platform.tenants.identity.PortalUrls;
import fr.ent.platform.tenants.identity.RealmDefinition;
import fr.ent.platform.tenants.lifecycle.CollectivityService;
import fr.ent.platform.tenants.provisioning.Provisioner;
import fr.ent.platform.tenants.provisioning.StepGuard;
import fr.ent.platform.tenants.provisioning.TenantDatabase;
import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.registry.CollectivityRepository;
import jakarta.json.JsonObject;
import java.util.Arrays;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Branding from the registry to the collectivity's realm, where the login theme reads it: on creation, on change,
 * on removal; and the input checks (real PostgreSQL and Keycloak).
 */
class BrandingRealmTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};

    private final DataSource db = EmbeddedDatabase.dataSource();
    private final CollectivityRepository registry = new CollectivityRepository(db);
    private final BrandingStore store = new BrandingStore(db);
    private final KeycloakRealms realms = new KeycloakRealms(TestKeycloak.admin(),
            new PortalUrls(TestKeycloak.PORTAL_TEMPLATE), Optional.empty(), store::of);
    private final KeycloakAdmin admin = realms.admin();
    private final TenantDatabase database = new TenantDatabase(db, Optional.empty());
    private final CollectivityService service = new CollectivityService(registry, new Provisioner(db, registry,
            database, realms, StepGuard.NONE, new io.micrometer.core.instrument.simple.SimpleMeterRegistry()),
            database, realms, Runnable::run);
    private final CollectivityBranding branding = new CollectivityBranding(store, realms, registry);

    @Test
    void theRealmFollowsTheRegistrysBranding() {
        String slug = uniqueSlug("brand");
        Collectivity c = service.create(request(slug));
        assertThat(attributes(slug).getString(RealmDefinition.PRIMARY_COLOUR, "")).isEmpty();

        branding.setColours(c, "#C8102E", "#1d3557");
        String sha = branding.setLogo(c, new LogoImage("image/png", PNG)).logoSha256().orElseThrow();

        JsonObject attributes = attributes(slug);
        assertThat(attributes.getString(RealmDefinition.PRIMARY_COLOUR)).isEqualTo("#c8102e");
        assertThat(attributes.getString(RealmDefinition.ACCENT_COLOUR)).isEqualTo("#1d3557");
        assertThat(attributes.getString(RealmDefinition.LOGO_URL))
                .isEqualTo("http://" + slug + ".localhost:9080/branding/logo?v=" + sha.substring(0, 16));

        // a realm re-created from the registry gets it back
        realms.deleteRealm(c);
        realms.ensureRealm(c);
        assertThat(attributes(slug).getString(RealmDefinition.PRIMARY_COLOUR)).isEqualTo("#c8102e");

        branding.removeLogo(c);
        branding.setColours(c, null, null);
        assertThat(attributes(slug).getString(RealmDefinition.LOGO_URL, "")).isEmpty();
        assertThat(attributes(slug).getString(RealmDefinition.PRIMARY_COLOUR, "")).isEmpty();
        assertThat(branding.logo(c)).isEmpty();
    }

    @Test
    void badColoursAndLogosAreRefusedAndChangeNothing() {
        Collectivity c = service.create(request(uniqueSlug("badbrand")));
        branding.setColours(c, "#000091", null);

        assertStatus(() -> branding.setColours(c, "#fff", null), 400, "branding-colour-invalid");
        assertStatus(() -> branding.setColours(c, "#000091", "#ffff00"), 400, "branding-colour-contrast");
        // A logo's size and type are refused at the API's edge (413, 415): BrandingIT.

        assertThat(store.of(c).primary().orElseThrow().hex()).isEqualTo("#000091");
        assertThat(store.of(c).accent()).isEmpty();
        assertThat(store.of(c).logoSha256()).isEmpty();
    }

    private JsonObject attributes(String slug) {
        return admin.get("ent-" + slug).object().getJsonObject("attributes");
    }

    private static void assertStatus(Runnable call, int status, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(ProblemStatuses.status(e)).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }
}
