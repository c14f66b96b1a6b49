package fr.ent.platform.runtime.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.tenancy.Slug;
import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenancy.TenantState;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TenantAppsTest {

    private static Tenant offering(Optional<Set<String>> apps) {
        return new Tenant(UUID.randomUUID(), "apps-a", "Ville A", TenantState.ACTIVE,
                TenantNames.of(new Slug("apps-a")), "1", apps);
    }

    @Test
    void noListOffersEveryApp() {
        assertThat(offering(Optional.empty()).enables("messagerie")).isTrue();
    }

    @Test
    void aListOffersExactlyItsApps() {
        Tenant tenant = offering(Optional.of(Set.of("directory", "documents")));
        assertThat(tenant.enables("documents")).isTrue();
        assertThat(tenant.enables("messagerie")).isFalse();
    }

    @Test
    void theConsoleStaysWhateverTheList() {
        assertThat(offering(Optional.of(Set.of("directory"))).enables("console")).isTrue();
        assertThat(offering(Optional.of(Set.of())).enables("console")).isTrue();
    }
}
