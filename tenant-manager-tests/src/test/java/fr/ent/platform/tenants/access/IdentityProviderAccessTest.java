package fr.ent.platform.tenants.access;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A collectivity administrator reads its own identity providers and, from its console, configures them (ADR 0025),
 * but never posts links nor removes one (ADR 0011); the real token side is exercised in BrokeringIT.
 */
class IdentityProviderAccessTest {

    @Test
    void aCollectivityAdministratorReadsAndConfiguresItsOwnProvidersButNeitherLinksNorRemovesThem() {
        assertThat(allowed("GET", "lyon", "collectivities", "lyon", "identity-providers")).isTrue();
        assertThat(allowed("GET", "lyon", "collectivities", "lyon", "identity-providers", "educonnect")).isTrue();
        assertThat(allowed("GET", "lyon", "collectivities", "lyon", "identity-providers", "educonnect", "links"))
                .isTrue();
        assertThat(allowed("PUT", "lyon", "collectivities", "lyon", "identity-providers", "educonnect")).isTrue();

        assertThat(allowed("PUT", "lyon", "collectivities", "lyon", "identity-providers", "educonnect", "links"))
                .isFalse();
        assertThat(allowed("DELETE", "lyon", "collectivities", "lyon", "identity-providers", "educonnect")).isFalse();
        assertThat(allowed("POST", "lyon", "collectivities", "lyon", "identity-providers", "educonnect", "links"))
                .isFalse();
        assertThat(allowed("GET", "lyon", "collectivities", "cd-44", "identity-providers", "educonnect")).isFalse();
        assertThat(allowed("PUT", "lyon", "collectivities", "cd-44", "identity-providers", "educonnect")).isFalse();
    }

    @Test
    void aCollectivityAdministratorBrandsItsOwnPortalOnly() {
        assertThat(allowed("PUT", "lyon", "collectivities", "lyon", "branding")).isTrue();
        assertThat(allowed("PUT", "lyon", "collectivities", "lyon", "branding", "logo")).isTrue();
        assertThat(allowed("DELETE", "lyon", "collectivities", "lyon", "branding", "logo")).isTrue();

        assertThat(allowed("PUT", "lyon", "collectivities", "cd-44", "branding")).isFalse();
        assertThat(allowed("PUT", "lyon", "collectivities", "cd-44", "branding", "logo")).isFalse();
        assertThat(allowed("PUT", "lyon", "collectivities", "cd-44", "apps")).isFalse(); // its own: AppsAccessTest
        assertThat(allowed("DELETE", "lyon", "collectivities", "lyon")).isFalse();
    }

    private static boolean allowed(String method, String ownSlug, String... segments) {
        List<PathSegment> path = Arrays.stream(segments).map(IdentityProviderAccessTest::segment).toList();
        UriInfo uri = proxy(UriInfo.class, name -> name.equals("getPathSegments") ? path : null);
        ContainerRequestContext request = proxy(ContainerRequestContext.class, name -> switch (name) {
            case "getUriInfo" -> uri;
            case "getMethod" -> method;
            default -> null;
        });
        return AdminAccessFilter.allowedToCollectivityAdministrator(request, ownSlug);
    }

    private static PathSegment segment(String text) {
        return proxy(PathSegment.class, name -> name.equals("getPath") ? text : null);
    }

    private static <T> T proxy(Class<T> type, java.util.function.Function<String, Object> answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, m, args) -> answer.apply(m.getName())));
    }
}
