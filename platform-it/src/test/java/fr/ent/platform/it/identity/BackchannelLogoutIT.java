package fr.ent.platform.it.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import fr.ent.platform.identity.Realms;
import fr.ent.platform.it.Platform;
import fr.ent.platform.testing.login.LoginAgent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OpenID Connect back-channel logout end to end: Keycloak itself calls the portal's {@code /auth/backchannel-logout}
 * on the collectivity's domain (resolved through LocalKeycloak's hosts file) when a user's Keycloak session is ended
 * elsewhere, and the runtime ends that user's portal sessions, and only theirs. A logout token of another realm is
 * refused.
 */
class BackchannelLogoutIT {

    static final String PASSWORD = "mot-de-passe-de-test-bcl";
    static final String A = "bcl-a";
    static final String B = "bcl-b";
    static final String A_HOST = "bcla.localhost";
    static final String B_HOST = "bclb.localhost";
    static Platform platform;

    @BeforeAll
    static void collectivities() throws Exception {
        platform = Platform.get();
        platform.provisionActive(A, A_HOST);
        platform.provisionActive(B, B_HOST);
        for (String username : List.of("prof.bcl", "eleve.bcl", "parent.bcl")) {
            platform.keycloak().ensureUser(Realms.ofCollectivity(A), username, "Prénom", username, PASSWORD,
                    List.of("Teacher"), Map.of());
        }
        platform.keycloak().ensureUser(Realms.ofCollectivity(B), "prof.bcl", "Prénom", "prof.bcl", PASSWORD,
                List.of("Teacher"), Map.of());
    }

    static String portal(String host) {
        return "http://" + host + ":" + platform.server().runtimeBase().getPort();
    }

    static int me(LoginAgent browser, String host) {
        return browser.send("GET", URI.create(portal(host) + "/api/me"), null, Map.of("Accept", "application/json"))
                .statusCode();
    }

    /** Keycloak's back-channel call may still be in flight when the admin call returns: wait up to 20 s. */
    static int meEventually(LoginAgent browser, String host, int expected) throws InterruptedException {
        int status = me(browser, host);
        for (int i = 0; i < 40 && status != expected; i++) {
            Thread.sleep(500);
            status = me(browser, host);
        }
        return status;
    }

    @Test
    void an_administrator_ending_the_keycloak_session_ends_that_portal_session_only() throws Exception {
        LoginAgent prof = Logins.portal(platform, A_HOST, "prof.bcl", PASSWORD);
        LoginAgent pupil = Logins.portal(platform, A_HOST, "eleve.bcl", PASSWORD);
        assertThat(me(prof, A_HOST)).isEqualTo(200);
        assertThat(me(pupil, A_HOST)).isEqualTo(200);

        platform.keycloak().logoutUser(Realms.ofCollectivity(A), "prof.bcl");

        assertThat(meEventually(prof, A_HOST, 401)).as("the signed-out user's portal session").isEqualTo(401);
        assertThat(me(pupil, A_HOST)).as("another user's portal session").isEqualTo(200);
        assertThat(prof.get(portal(A_HOST) + "/").body()).contains("Se connecter");
    }

    @Test
    void a_logout_from_another_client_of_the_same_sso_session_ends_the_portal_session() throws Exception {
        LoginAgent parent = Logins.portal(platform, A_HOST, "parent.bcl", PASSWORD);
        LoginAgent pupil = Logins.portal(platform, A_HOST, "eleve.bcl", PASSWORD);
        assertThat(me(parent, A_HOST)).isEqualTo(200);
        // The user's own Keycloak session ends from Keycloak (account console's "sign out" uses the same
        // end-session endpoint): the browser keeps its Keycloak cookies, not the portal's id token.
        String keycloak = platform.identity().baseUrl() + "/realms/" + Realms.ofCollectivity(A);
        HttpResponse<String> confirm = parent.follow(parent.get(keycloak + "/protocol/openid-connect/logout"), null);
        Matcher action = Pattern.compile("action=\"(/realms/[^\"]*logout-confirm[^\"]*)\"").matcher(confirm.body());
        assertThat(action.find()).as(confirm.body()).isTrue();
        String form = "session_code=" + URLEncoder.encode(LoginAgent.inputValue(confirm, "session_code").orElseThrow(),
                StandardCharsets.UTF_8) + "&confirmLogout=" + URLEncoder.encode("Se déconnecter", StandardCharsets.UTF_8);
        HttpResponse<String> done = parent.follow(parent.send("POST", URI.create(platform.identity().baseUrl()
                + action.group(1).replace("&amp;", "&")), form, Map.of()), null);
        assertThat(done.statusCode()).isEqualTo(200);

        assertThat(meEventually(parent, A_HOST, 401)).isEqualTo(401);
        assertThat(me(pupil, A_HOST)).isEqualTo(200);
    }

    @Test
    void a_logout_token_signed_by_another_realm_is_refused() throws Exception {
        BlockingQueue<String> tokens = new ArrayBlockingQueue<>(4);
        HttpServer capture = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        capture.createContext("/capture", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            for (String pair : body.split("&")) {
                if (pair.startsWith("logout_token=")) {
                    tokens.add(URLDecoder.decode(pair.substring(13), StandardCharsets.UTF_8));
                }
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        capture.start();
        String realmB = Realms.ofCollectivity(B);
        String previous = platform.keycloak().setClientAttribute(realmB, Realms.PORTAL_CLIENT,
                "backchannel.logout.url", "http://127.0.0.1:" + capture.getAddress().getPort() + "/capture");
        try {
            Logins.portal(platform, B_HOST, "prof.bcl", PASSWORD);
            platform.keycloak().logoutUser(realmB, "prof.bcl");
            String tokenOfB = tokens.poll(20, TimeUnit.SECONDS);
            assertThat(tokenOfB).as("Keycloak sent B's logout token").isNotNull();
            LoginAgent onA = Logins.portal(platform, A_HOST, "prof.bcl", PASSWORD);

            HttpResponse<String> refused = backchannel(A_HOST, tokenOfB);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(me(onA, A_HOST)).isEqualTo(200);
            assertThat(backchannel(A_HOST, "garbage").statusCode()).isEqualTo(400);
            // The same token is genuine for B, where it is accepted.
            assertThat(backchannel(B_HOST, tokenOfB).statusCode()).isEqualTo(200);
        } finally {
            platform.keycloak().setClientAttribute(realmB, Realms.PORTAL_CLIENT, "backchannel.logout.url", previous);
            capture.stop(0);
        }
    }

    static HttpResponse<String> backchannel(String host, String token) throws IOException {
        return platform.send(host, "POST", "/auth/backchannel-logout", "application/x-www-form-urlencoded",
                ("logout_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8),
                null);
    }
}
