package fr.ent.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TenantNamesTest {

    @Test
    void realmIsEntDashSlugForEverySlugShape() {
        assertThat(TenantNames.of(Slug.of("lyon")).realm()).isEqualTo("ent-lyon");
        assertThat(TenantNames.of(Slug.of("saint-etienne-2")).realm()).isEqualTo("ent-saint-etienne-2");
        assertThat(TenantNames.of(Slug.of("a-b-c")).schema()).isEqualTo("t_a_b_c");
    }

    @Test
    void realmOfNamesReadBackFromTheRegistryIsTheSame() {
        TenantNames derived = TenantNames.of(Slug.of("val-de-marne"));
        assertThat(new TenantNames(derived.schema(), derived.role()).realm()).isEqualTo("ent-val-de-marne");
    }

    @Test
    void noCollectivityRealmCanBeAKeycloakOrPlatformRealm() {
        assertThat(TenantNames.of(Slug.of("master-x")).realm()).startsWith("ent-").isNotIn("master", "platform");
    }
}
