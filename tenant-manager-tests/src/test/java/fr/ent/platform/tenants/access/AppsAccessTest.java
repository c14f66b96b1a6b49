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
 * The admin API filter's rule for a collectivity administrator on the apps their collectivity offers (the tenant
 * console's "Apps and look", docs/console.md): read and choose them, in their own collectivity only.
 */
class AppsAccessTest {

    @Test
    void aCollectivityAdministratorChoosesTheAppsOfTheirOwnCollectivityOnly() {
        assertThat(allowed("GET", "lyon", "collectivities", "lyon", "apps")).isTrue();
        assertThat(allowed("PUT", "lyon", "collectivities", "lyon", "apps")).isTrue();

        assertThat(allowed("PUT", "lyon", "collectivities", "cd-44", "apps")).isFalse();
        assertThat(allowed("GET", "lyon", "collectivities", "cd-44", "apps")).isFalse();
        assertThat(allowed("DELETE", "lyon", "collectivities", "lyon", "apps")).isFalse();
        assertThat(allowed("POST", "lyon", "collectivities", "lyon", "apps")).isFalse();
        assertThat(allowed("PUT", "lyon", "collectivities", "lyon", "apps", "x")).isFalse();
        assertThat(allowed("PUT", "lyon", "collectivities", "lyon")).isFalse();
        // the colours, the logo and the name stay theirs too (the console's look page)
        assertThat(allowed("PUT", "lyon", "collectivities", "lyon", "branding")).isTrue();
        assertThat(allowed("PUT", "lyon", "collectivities", "lyon", "branding", "logo")).isTrue();
        assertThat(allowed("PATCH", "lyon", "collectivities", "lyon")).isTrue();
        assertThat(allowed("GET", "lyon", "collectivities", "lyon", "sla-report")).isTrue();
    }

    private static boolean allowed(String method, String ownSlug, String... segments) {
        List<PathSegment> path = Arrays.stream(segments).map(AppsAccessTest::segment).toList();
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
