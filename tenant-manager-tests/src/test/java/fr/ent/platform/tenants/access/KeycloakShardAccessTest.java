package fr.ent.platform.tenants.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.identity.ClientCredentials;
import fr.ent.platform.identity.RealmRoles;
import fr.ent.platform.identity.TokenVerifier;
import fr.ent.platform.keycloak.local.LocalKeycloak;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.problem.ProblemException;
import fr.ent.platform.tenants.TestKeycloak;
import fr.ent.platform.tenants.identity.KeycloakAdmin;
import fr.ent.platform.tenants.identity.KeycloakRealms;
import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.registry.CollectivityRepository;
import fr.ent.platform.tenants.registry.NewCollectivity;
import fr.ent.platform.testing.database.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The shard API (ADR 0050) and a realm's moves between shards (ADR 0048) are the hosting operators' alone: with
 * real tokens of the test JVM's Keycloak, the operator client's platform-admin token passes the admin API filter, no
 * token is a 401, and a token of a collectivity's realm is a 403 even when it carries SUPER_ADMIN (a collectivity may
 * not see where the others' realms live, nor open a server).
 */
class KeycloakShardAccessTest {

    private static final List<String> METHODS = List.of("GET", "PUT", "DELETE");

    @Test
    void aCollectivitysAdministratorsHaveNoPathToTheShards() {
        for (String method : METHODS) {
            assertThat(AdminAccessFilter.allowedToCollectivityAdministrator(request(method, null, "keycloak-shards"),
                    "lyon")).isFalse();
            assertThat(AdminAccessFilter.allowedToCollectivityAdministrator(request(method, null, "keycloak-shards",
                    "default"), "lyon")).isFalse();
            assertThat(AdminAccessFilter.allowedToLocalAdministrator(request(method, null, "keycloak-shards",
                    "default"), "lyon")).isFalse();
        }
    }

    /**
     * A realm's moves between shards (ADR 0048, amended) name the shards: a collectivity's administrators may neither
     * move their realm nor read its moves, by list or by id, nor anything else under {@code realm}; a local
     * administrator neither. (Everything else of their own collectivity they may read, backups for one.)
     */
    @Test
    void aCollectivitysAdministratorsNeitherMoveTheirRealmNorSeeItsMoves() {
        for (String method : List.of("GET", "HEAD", "POST", "PUT", "DELETE")) {
            for (String[] path : List.of(new String[] {"collectivities", "lyon", "realm", "move"},
                    new String[] {"collectivities", "lyon", "realm", "moves"},
                    new String[] {"collectivities", "lyon", "realm", "moves", "7f0c0000-0000-0000-0000-000000000000"},
                    new String[] {"collectivities", "lyon", "realm"})) {
                assertThat(AdminAccessFilter.allowedToCollectivityAdministrator(request(method, null, path), "lyon"))
                        .as(method + " " + String.join("/", path)).isFalse();
                assertThat(AdminAccessFilter.allowedToLocalAdministrator(request(method, null, path), "lyon"))
                        .as(method + " " + String.join("/", path)).isFalse();
            }
        }
        assertThat(AdminAccessFilter.allowedToCollectivityAdministrator(request("GET", null, "collectivities", "lyon",
                "backups"), "lyon")).as("the rule is the realm's, not every GET's").isTrue();
    }

    @Test
    void onlyAPlatformAdminTokenReachesTheShards() {
        LocalKeycloak keycloak = TestKeycloak.server();
        KeycloakRealms realms = TestKeycloak.realms();
        realms.ensurePlatformRealm();
        String operator = new ClientCredentials(endpoints().token("platform"), "operator", TestKeycloak.OPERATOR_SECRET)
                .token();
        String collectivityAdmin = superAdminTokenOfANewCollectivity(keycloak, realms);

        for (String method : METHODS) {
            AdminCaller caller = filter(method, "Bearer " + operator);
            assertThat(caller.isPlatformOperator()).isTrue();

            assertThatThrownBy(() -> filter(method, null)).isInstanceOfSatisfying(ProblemException.class,
                    e -> assertThat(e.status()).isEqualTo(401));
            assertThatThrownBy(() -> filter(method, "Bearer " + collectivityAdmin)).isInstanceOf(NotAllowed.class);
            assertThatThrownBy(() -> filter(method, "Bearer " + operator.substring(0, operator.length() - 4) + "AAAA"))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(401));
        }
    }

    /** The realm of a collectivity of its own, whose probe client's service account is given SUPER_ADMIN. */
    private static String superAdminTokenOfANewCollectivity(LocalKeycloak keycloak, KeycloakRealms realms) {
        var db = TestDatabase.shared().newDatabase("shardaccess_"
                + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36));
        Flyway.configure().dataSource(db).schemas("platform").locations("classpath:db/platform").load().migrate();
        String slug = "shacc-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 30), 36);
        Collectivity c = new CollectivityRepository(db).insert(NewCollectivity.of(slug, "commune", "Commune " + slug,
                List.of(slug + ".localhost")));
        realms.ensureRealm(c);
        String realm = c.names().realm();
        KeycloakAdmin admin = realms.admin();
        JsonObject probe = admin.get(realm + "/clients?clientId=ent-probe").array().getJsonObject(0);
        JsonObject account = admin.get(realm + "/clients/" + probe.getString("id") + "/service-account-user").object();
        JsonObject superAdmin = admin.get(realm + "/roles/" + RealmRoles.SUPER_ADMIN).object();
        admin.post(realm + "/users/" + account.getString("id") + "/role-mappings/realm",
                Json.createArrayBuilder().add(superAdmin).build());
        String token = new ClientCredentials(endpoints().token(realm), "ent-probe", realms.probeSecret(c).orElseThrow())
                .token();
        // the refusal must be the path's, not a token without the role
        String claims = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(claims).contains("\"" + RealmRoles.SUPER_ADMIN + "\"", "\"iss\":\"" + keycloak.baseUrl() + "/realms/"
                + realm + "\"");
        return token;
    }

    private static fr.ent.platform.identity.RealmEndpoints endpoints() {
        String url = TestKeycloak.server().baseUrl().toString();
        return fr.ent.platform.identity.RealmEndpoints.of(url, url);
    }

    private static AdminCaller filter(String method, String authorization) {
        AdminAccessFilter filter = new AdminAccessFilter();
        filter.verifier = TokenVerifier.forKeycloak(TestKeycloak.server().baseUrl().toString(), Optional.empty(),
                Duration.ofMinutes(5));
        filter.caller = new AdminCaller();
        filter.filter(request(method, authorization, "keycloak-shards", "kc-2"));
        return filter.caller;
    }

    private static ContainerRequestContext request(String method, String authorization, String... segments) {
        List<PathSegment> path = Arrays.stream(segments).map(KeycloakShardAccessTest::segment).toList();
        UriInfo uri = proxy(UriInfo.class, (name, args) -> switch (name) {
            case "getPathSegments" -> path;
            case "getPath" -> String.join("/", segments);
            default -> null;
        });
        return proxy(ContainerRequestContext.class, (name, args) -> switch (name) {
            case "getUriInfo" -> uri;
            case "getMethod" -> method;
            case "getHeaderString" -> HttpHeaders.AUTHORIZATION.equals(args[0]) ? authorization : null;
            case "getCookies" -> Map.of();
            default -> null;
        });
    }

    private static PathSegment segment(String text) {
        return proxy(PathSegment.class, (name, args) -> name.equals("getPath") ? text : null);
    }

    private static <T> T proxy(Class<T> type, java.util.function.BiFunction<String, Object[], Object> answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, m, args) -> answer.apply(m.getName(), args)));
    }
}
