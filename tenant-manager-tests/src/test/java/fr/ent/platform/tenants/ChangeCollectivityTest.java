package fr.ent.platform.tenants;

import static fr.ent.platform.tenants.ProvisioningTest.request;
import static fr.ent.platform.tenants.ProvisioningTest.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.problem.DomainException;
import fr.ent.platform.tenancy.CollectivityKind;
import fr.ent.platform.tenants.identity.IdentityRealms;
import fr.ent.platform.tenants.lifecycle.CollectivityService;
import fr.ent.platform.tenants.provisioning.Provisioner;
import fr.ent.platform.tenants.provisioning.StepGuard;
import fr.ent.platform.tenants.provisioning.TenantDatabase;
import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.registry.CollectivityChange;
import fr.ent.platform.tenants.registry.CollectivityRepository;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class ChangeCollectivityTest {

    private final DataSource db = EmbeddedDatabase.dataSource();
    private final CollectivityRepository registry = new CollectivityRepository(db);
    private final IdentityRealms realms = TestKeycloak.realms();
    private final TenantDatabase database = new TenantDatabase(db, Optional.empty());
    private final CollectivityService service = new CollectivityService(registry,
            new Provisioner(db, registry, database, realms, StepGuard.NONE, new SimpleMeterRegistry()), database,
            realms, Runnable::run);

    @Test
    void renamesChangesKindAndReplacesDomainsAndReseedsSettings() throws Exception {
        String slug = uniqueSlug("chg");
        service.create(request(slug));
        Collectivity changed = service.change(slug, CollectivityChange.of("Nouveau nom", "groupement",
                List.of("ent." + slug + ".localhost", slug + ".localhost")));

        assertThat(changed.displayName()).isEqualTo("Nouveau nom");
        assertThat(changed.kind()).isEqualTo(CollectivityKind.GROUPEMENT);
        assertThat(changed.domains()).containsExactlyInAnyOrder("ent." + slug + ".localhost", slug + ".localhost");
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT value FROM " + changed.names().schema() + ".tenant_setting WHERE name = 'display_name'")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("Nouveau nom");
        }
        Collectivity narrowed = service.change(slug, CollectivityChange.of(null, null, List.of("ent." + slug + ".localhost")));
        assertThat(narrowed.domains()).containsExactly("ent." + slug + ".localhost");
        assertThat(narrowed.displayName()).isEqualTo("Nouveau nom");
    }

    @Test
    void thePlanIsStoredAtCreationDefaultsToStandardAndChangesAlone() {
        String premium = uniqueSlug("plp");
        String plain = uniqueSlug("pls");
        Collectivity created = service.create(fr.ent.platform.tenants.registry.NewCollectivity.of(premium, "commune",
                "Commune " + premium, List.of(premium + ".localhost"), "premium"));
        service.create(request(plain));

        assertThat(created.plan()).isEqualTo("premium");
        assertThat(registry.find(premium).orElseThrow().plan()).isEqualTo("premium");
        assertThat(registry.find(plain).orElseThrow().plan()).isEqualTo("standard");

        Collectivity changed = service.change(premium, CollectivityChange.of(null, null, null, "essentiel"));
        assertThat(changed.plan()).isEqualTo("essentiel");
        assertThat(changed.displayName()).isEqualTo("Commune " + premium);
        assertThat(service.change(premium, CollectivityChange.of("Renommée", null, null)).plan()).isEqualTo("essentiel");
        // The other collectivity is untouched.
        assertThat(registry.find(plain).orElseThrow().plan()).isEqualTo("standard");
    }

    @Test
    void aPlanOfTheWrongFormIsRefusedBeforeTheRegistryAndByIt() throws Exception {
        for (String bad : new String[] {"", "Premium", "gold plan", "x".repeat(40), "1plan"}) {
            assertThatThrownBy(() -> CollectivityChange.of(null, null, null, bad))
                    .isInstanceOfSatisfying(fr.ent.platform.tenancy.InvalidTenantInputException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("plan.unknown"));
        }
        assertThatThrownBy(() -> fr.ent.platform.tenants.registry.NewCollectivity.of("x-plan", "commune", "X",
                List.of("x.localhost"), null)).isInstanceOf(fr.ent.platform.tenancy.InvalidTenantInputException.class);
        String slug = uniqueSlug("plc");
        service.create(request(slug));
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate(
                    "UPDATE platform.collectivity SET plan = 'DROP TABLE' WHERE slug = '" + slug + "'"))
                    .hasMessageContaining("check");
        }
        assertThat(registry.find(slug).orElseThrow().plan()).isEqualTo("standard");
    }

    @Test
    void aDomainOfAnotherCollectivityIsRefusedAndNothingChanges() {
        String owner = uniqueSlug("own");
        String other = uniqueSlug("oth");
        service.create(request(owner));
        service.create(request(other));

        assertThatThrownBy(() -> service.change(other, CollectivityChange.of("Renamed", null,
                List.of(other + ".localhost", owner + ".localhost"))))
                .isInstanceOfSatisfying(DomainException.class, p -> assertThat(p.code()).isEqualTo("domain-taken"));
        Collectivity unchanged = service.get(other);
        assertThat(unchanged.displayName()).isEqualTo("Commune " + other);
        assertThat(unchanged.domains()).containsExactly(other + ".localhost");
        assertThat(service.get(owner).domains()).containsExactly(owner + ".localhost");
    }
}
