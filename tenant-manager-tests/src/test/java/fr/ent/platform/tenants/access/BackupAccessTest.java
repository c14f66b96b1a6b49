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
 * The admin API filter's rule for a collectivity administrator on backups (ADR 0040): they read where their own
 * collectivity's backups stand; they neither start a backup or a restore, nor take a backup's encrypted file, nor
 * see another collectivity's. (The token side of the filter is tested with a real Keycloak elsewhere.)
 */
class BackupAccessTest {

    @Test
    void aCollectivityAdministratorReadsWhereTheirBackupsStandAndNothingMore() {
        assertThat(allowed("GET", "lyon", "collectivities", "lyon", "backups")).isTrue();
        assertThat(allowed("GET", "lyon", "collectivities", "lyon", "backups", "b1")).isTrue();

        assertThat(allowed("GET", "lyon", "collectivities", "lyon", "backups", "b1", "file")).isFalse();
        assertThat(allowed("HEAD", "lyon", "collectivities", "lyon", "backups", "b1", "file")).isFalse();
        assertThat(allowed("POST", "lyon", "collectivities", "lyon", "backups")).isFalse();
        assertThat(allowed("POST", "lyon", "collectivities", "lyon", "backups", "b1", "restore")).isFalse();
        assertThat(allowed("POST", "lyon", "collectivities", "lyon", "backups", "restore")).isFalse();
        assertThat(allowed("GET", "lyon", "collectivities", "cd-44", "backups")).isFalse();
        assertThat(allowed("GET", "lyon", "collectivities", "cd-44", "backups", "b1")).isFalse();
        // the schedule (ADR 0046): read, not changed
        assertThat(allowed("GET", "lyon", "collectivities", "lyon", "backups", "schedule")).isTrue();
        assertThat(allowed("PUT", "lyon", "collectivities", "lyon", "backups", "schedule")).isFalse();
        assertThat(allowed("DELETE", "lyon", "collectivities", "lyon", "backups", "schedule")).isFalse();
        assertThat(allowed("GET", "lyon", "collectivities", "cd-44", "backups", "schedule")).isFalse();
    }

    private static boolean allowed(String method, String ownSlug, String... segments) {
        List<PathSegment> path = Arrays.stream(segments).map(BackupAccessTest::segment).toList();
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
