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
 * The admin API filter's rule for a collectivity administrator on accounts (the tenant console, ADR 0021): read an
 * account, set its functions and its blocked state, in their own collectivity only.
 */
class AccountAccessTest {

    static final String ID = "3f1c2a8e-0000-4000-8000-000000000001";

    @Test
    void aCollectivityAdministratorChangesAccountsOfTheirOwnCollectivityOnly() {
        assertThat(allowed("GET", "lyon", "collectivities", "lyon", "accounts", ID)).isTrue();
        assertThat(allowed("PUT", "lyon", "collectivities", "lyon", "accounts", ID, "functions")).isTrue();
        assertThat(allowed("PUT", "lyon", "collectivities", "lyon", "accounts", ID, "enabled")).isTrue();

        assertThat(allowed("PUT", "lyon", "collectivities", "cd-44", "accounts", ID, "functions")).isFalse();
        assertThat(allowed("PUT", "lyon", "collectivities", "cd-44", "accounts", ID, "enabled")).isFalse();
        assertThat(allowed("GET", "lyon", "collectivities", "cd-44", "accounts", ID)).isFalse();
        assertThat(allowed("DELETE", "lyon", "collectivities", "lyon", "accounts", ID, "functions")).isFalse();
        assertThat(allowed("POST", "lyon", "collectivities", "lyon", "accounts", ID, "functions")).isFalse();
        assertThat(allowed("PUT", "lyon", "collectivities", "lyon", "accounts", ID)).isFalse();
        assertThat(allowed("PUT", "lyon", "collectivities", "lyon", "accounts", ID, "password")).isFalse();
        assertThat(allowed("PUT", "lyon", "collectivities", "lyon", "identity-providers", "x")).isFalse();
    }

    @Test
    void aCollectivityAdministratorReadsActivationAndPrintsLettersOfTheirOwnCollectivityOnly() {
        assertThat(allowed("POST", "lyon", "collectivities", "lyon", "accounts", "activation", "status")).isTrue();
        assertThat(allowed("POST", "lyon", "collectivities", "lyon", "accounts", "activation", "letters")).isTrue();

        assertThat(allowed("POST", "lyon", "collectivities", "cd-44", "accounts", "activation", "status")).isFalse();
        assertThat(allowed("POST", "lyon", "collectivities", "cd-44", "accounts", "activation", "letters")).isFalse();
        assertThat(allowed("PUT", "lyon", "collectivities", "lyon", "accounts", "activation", "letters")).isFalse();
        assertThat(allowed("DELETE", "lyon", "collectivities", "lyon", "accounts", "activation", "letters")).isFalse();
        assertThat(allowed("POST", "lyon", "collectivities", "lyon", "accounts", "activation")).isFalse();
        assertThat(allowed("POST", "lyon", "collectivities", "lyon", "accounts", "activation", "letters", "x"))
                .isFalse();
        assertThat(allowed("POST", "lyon", "collectivities", "lyon", "accounts", ID, "letters")).isFalse();
    }

    private static boolean allowed(String method, String ownSlug, String... segments) {
        List<PathSegment> path = Arrays.stream(segments).map(AccountAccessTest::segment).toList();
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
