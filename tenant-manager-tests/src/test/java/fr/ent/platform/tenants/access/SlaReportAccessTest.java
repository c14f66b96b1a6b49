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
 * The admin API filter's rule for a collectivity administrator, on the SLA report's path: their own collectivity's
 * report only. (The token side of the filter is tested with a real Keycloak elsewhere.)
 */
class SlaReportAccessTest {

    @Test
    void aCollectivityAdministratorReadsTheirOwnReportOnly() {
        assertThat(allowed("GET", "lyon", "collectivities", "lyon", "sla-report")).isTrue();
        assertThat(allowed("HEAD", "lyon", "collectivities", "lyon", "sla-report")).isTrue();

        assertThat(allowed("GET", "lyon", "collectivities", "cd-44", "sla-report")).isFalse();
        assertThat(allowed("GET", "lyon", "collectivities", "lyon-2", "sla-report")).isFalse();
        assertThat(allowed("GET", "lyon", "collectivities", "LYON", "sla-report")).isFalse();
        assertThat(allowed("GET", "lyon", "sla-report")).isFalse();
        assertThat(allowed("POST", "lyon", "collectivities", "lyon", "sla-report")).isFalse();
        assertThat(allowed("DELETE", "lyon", "collectivities", "lyon", "sla-report")).isFalse();
    }

    private static boolean allowed(String method, String ownSlug, String... segments) {
        List<PathSegment> path = Arrays.stream(segments).map(SlaReportAccessTest::segment).toList();
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
