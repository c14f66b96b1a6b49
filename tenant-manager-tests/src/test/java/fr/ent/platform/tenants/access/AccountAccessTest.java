package fr.ent.platform.tenants.access;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The admin API filter's rule for a collectivity administrator on accounts (the tenant console, ADR 0021): read an
 * account, set its functions and its blocked state, reset it, in their own collectivity only; and a school's local
 * administrator's (ADR 0025): one account of its collectivity at a time, then only people of its schools who are
 * not administrators, and never ADMIN_LOCAL's schools.
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
        assertThat(allowed("PUT", "lyon", "collectivities", "lyon", "accounts", ID, "reset")).isFalse();
        assertThat(allowed("POST", "lyon", "collectivities", "lyon", "accounts", ID, "reset")).isTrue();
        assertThat(allowed("POST", "lyon", "collectivities", "cd-44", "accounts", ID, "reset")).isFalse();
        assertThat(allowed("POST", "lyon", "collectivities", "lyon", "accounts", ID, "password")).isFalse();
        // an erasure deletes one person's account (ADR 0032), of its own collectivity only
        assertThat(allowed("DELETE", "lyon", "collectivities", "lyon", "accounts", ID)).isTrue();
        assertThat(allowed("DELETE", "lyon", "collectivities", "cd-44", "accounts", ID)).isFalse();
        assertThat(allowed("DELETE", "lyon", "collectivities", "lyon", "accounts", "sync")).isFalse();
        assertThat(allowed("DELETE", "lyon", "collectivities", "lyon", "accounts")).isFalse();
    }

    @Test
    void aLocalAdministratorReachesOneAccountOfItsOwnCollectivityAtATimeAndNothingElse() {
        assertThat(local("GET", "lyon", "collectivities", "lyon", "accounts", ID)).isTrue();
        assertThat(local("PUT", "lyon", "collectivities", "lyon", "accounts", ID, "functions")).isTrue();
        assertThat(local("PUT", "lyon", "collectivities", "lyon", "accounts", ID, "enabled")).isTrue();
        assertThat(local("POST", "lyon", "collectivities", "lyon", "accounts", ID, "reset")).isTrue();
        // a class's accounts and letters (ADR 0029): the resource then checks every person against its schools
        assertThat(local("POST", "lyon", "collectivities", "lyon", "accounts", "activation", "status")).isTrue();
        assertThat(local("POST", "lyon", "collectivities", "lyon", "accounts", "activation", "letters")).isTrue();
        assertThat(local("POST", "lyon", "collectivities", "cd-44", "accounts", "activation", "letters")).isFalse();
        assertThat(local("GET", "lyon", "collectivities", "lyon", "accounts", "activation", "letters")).isFalse();
        assertThat(local("POST", "lyon", "collectivities", "lyon", "accounts", "activation", "x")).isFalse();
        assertThat(local("POST", "lyon", "collectivities", "lyon", "accounts", ID, "letters")).isFalse();

        assertThat(local("GET", "lyon", "collectivities", "cd-44", "accounts", ID)).isFalse();
        assertThat(local("POST", "lyon", "collectivities", "cd-44", "accounts", ID, "reset")).isFalse();
        assertThat(local("POST", "lyon", "collectivities", "lyon", "accounts", "sync")).isFalse();
        assertThat(local("GET", "lyon", "collectivities", "lyon")).isFalse();
        assertThat(local("GET", "lyon", "collectivities", "lyon", "administrators")).isFalse();
        assertThat(local("GET", "lyon", "collectivities", "lyon", "compliance-report")).isFalse();
        assertThat(local("GET", "lyon", "collectivities", "lyon", "identity-providers")).isFalse();
        assertThat(local("PUT", "lyon", "collectivities", "lyon", "identity-providers", "educonnect")).isFalse();
        assertThat(local("PUT", "lyon", "collectivities", "lyon", "branding")).isFalse();
        assertThat(local("PATCH", "lyon", "collectivities", "lyon")).isFalse();
        assertThat(local("DELETE", "lyon", "collectivities", "lyon", "accounts", ID, "functions")).isFalse();
        assertThat(local("PUT", "lyon", "collectivities", "lyon", "accounts", ID)).isFalse();
        // one account for an erasure; which person, the resource checks against its schools (as for a reset)
        assertThat(local("DELETE", "lyon", "collectivities", "lyon", "accounts", ID)).isTrue();
        assertThat(local("DELETE", "lyon", "collectivities", "cd-44", "accounts", ID)).isFalse();
        assertThat(local("DELETE", "lyon", "collectivities", "lyon", "accounts", "activation")).isFalse();
    }

    @Test
    void aLocalAdministratorReachesNonAdministratorsOfItsSchoolsOnly() {
        Set<String> mine = Set.of("0690001A");
        assertThat(LocalAdministration.reaches(mine, List.of("0690001A"), List.of())).isTrue();
        assertThat(LocalAdministration.reaches(mine, List.of("0690002B", "0690001A"), List.of("CLASS_ADMIN")))
                .isTrue();

        assertThat(LocalAdministration.reaches(mine, List.of("0690002B"), List.of())).isFalse();
        assertThat(LocalAdministration.reaches(mine, List.of(), List.of())).isFalse(); // a guessed or foreign id
        assertThat(LocalAdministration.reaches(mine, List.of("0690001A"), List.of("ADMIN_LOCAL"))).isFalse();
        assertThat(LocalAdministration.reaches(mine, List.of("0690001A"), List.of("SUPER_ADMIN"))).isFalse();

        // letters of a class (ADR 0029): everyone asked must be of its schools, and administrators get no code
        assertThat(LocalAdministration.reachesAll(mine, List.of(List.of("0690001A"), List.of("0690002B", "0690001A"))))
                .isTrue();
        assertThat(LocalAdministration.reachesAll(mine, List.of(List.of("0690001A"), List.of("0690002B")))).isFalse();
        assertThat(LocalAdministration.reachesAll(mine, List.of(List.of("0690001A"), List.of()))).isFalse();
        assertThat(LocalAdministration.printsLetterFor(List.of("Student", "CLASS_ADMIN"))).isTrue();
        assertThat(LocalAdministration.printsLetterFor(List.of("ADMIN_LOCAL"))).isFalse();
        assertThat(LocalAdministration.printsLetterFor(List.of("SUPER_ADMIN"))).isFalse();

        assertThat(LocalAdministration.keepsAdminSchools(List.of(), null)).isTrue();
        assertThat(LocalAdministration.keepsAdminSchools(List.of("0690001A"), List.of("0690001A"))).isTrue();
        assertThat(LocalAdministration.keepsAdminSchools(List.of(), List.of("0690001A"))).isFalse();
        assertThat(LocalAdministration.keepsAdminSchools(List.of("0690001A"), List.of())).isFalse();
    }

    private static boolean local(String method, String ownSlug, String... segments) {
        return AdminAccessFilter.allowedToLocalAdministrator(request(method, segments), ownSlug);
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

    /** Where a collectivity makes its accounts (ADR 0043) is the hosting operators' choice; its administrators read it. */
    @Test
    void aCollectivityAdministratorReadsWhereItsAccountsAreMadeButDoesNotSwitchIt() {
        assertThat(allowed("GET", "lyon", "collectivities", "lyon", "account-storage")).isTrue();
        assertThat(allowed("GET", "lyon", "collectivities", "cd-44", "account-storage")).isFalse();
        for (String method : List.of("PUT", "POST", "DELETE")) {
            assertThat(allowed(method, "lyon", "collectivities", "lyon", "account-storage")).as(method).isFalse();
            assertThat(local(method, "lyon", "collectivities", "lyon", "account-storage")).as(method).isFalse();
        }
    }

    private static boolean allowed(String method, String ownSlug, String... segments) {
        return AdminAccessFilter.allowedToCollectivityAdministrator(request(method, segments), ownSlug);
    }

    private static ContainerRequestContext request(String method, String... segments) {
        List<PathSegment> path = Arrays.stream(segments).map(AccountAccessTest::segment).toList();
        UriInfo uri = proxy(UriInfo.class, name -> name.equals("getPathSegments") ? path : null);
        return proxy(ContainerRequestContext.class, name -> switch (name) {
            case "getUriInfo" -> uri;
            case "getMethod" -> method;
            default -> null;
        });
    }

    private static PathSegment segment(String text) {
        return proxy(PathSegment.class, name -> name.equals("getPath") ? text : null);
    }

    private static <T> T proxy(Class<T> type, java.util.function.Function<String, Object> answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, m, args) -> answer.apply(m.getName())));
    }
}
