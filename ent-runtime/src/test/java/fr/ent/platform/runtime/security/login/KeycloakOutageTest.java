package fr.ent.platform.runtime.security.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import fr.ent.platform.identity.RealmEndpoints;
import fr.ent.platform.identity.TokenVerifier;
import fr.ent.platform.identity.VerifiedToken;
import fr.ent.platform.tenancy.Slug;
import fr.ent.platform.runtime.tenant.Tenant;
import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenancy.TenantState;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A signed-in person whose access token is due for refresh while Keycloak is down keeps their session until
 * Keycloak's own session would have ended, without each page waiting for Keycloak again; a refresh Keycloak refuses
 * still ends it (issue 18, reliability). Real HTTP: a closed port, and a small server answering 503 or 400.
 */
class KeycloakOutageTest {

    private static final Tenant LYON = new Tenant(UUID.randomUUID(), "lyon", "Lyon", TenantState.ACTIVE,
            TenantNames.of(new Slug("lyon")), "1", Optional.empty());

    private HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void keycloakDownKeepsTheSessionUntilKeycloaksOwnSessionWouldEnd() throws Exception {
        PortalSessions sessions = sessions("http://127.0.0.1:" + closedPort());
        FakeSession http = new FakeSession();
        PortalSession portal = signedIn(sessions, http, Instant.now().plus(Duration.ofMinutes(10)));

        assertThat(sessions.current(http.request(), LYON)).contains(portal);
        assertThat(http.invalidated).isFalse();
    }

    @Test
    void aGatewayAnswering503CountsAsDownAndIsNotAskedAgainAtEveryPage() throws Exception {
        PortalSessions sessions = sessions(answering(503, "<html>Service Unavailable</html>"));
        FakeSession http = new FakeSession();
        PortalSession portal = signedIn(sessions, http, Instant.now().plus(Duration.ofMinutes(10)));

        assertThat(sessions.current(http.request(), LYON)).contains(portal);
        assertThat(sessions.current(http.request(), LYON)).contains(portal);
        assertThat(sessions.current(http.request(), LYON)).contains(portal);
        assertThat(calls).hasValue(1); // the next attempt waits PortalSessions.IDP_RETRY
        assertThat(http.invalidated).isFalse();
    }

    @Test
    void pastKeycloaksOwnSessionTheOutageEndsIt() throws Exception {
        PortalSessions sessions = sessions("http://127.0.0.1:" + closedPort());
        FakeSession http = new FakeSession();
        signedIn(sessions, http, Instant.now().minusSeconds(1));

        assertThat(sessions.current(http.request(), LYON)).isEmpty();
        assertThat(http.invalidated).isTrue();
    }

    @Test
    void aRefreshKeycloakRefusesEndsTheSessionAsBefore() throws Exception {
        PortalSessions sessions = sessions(answering(400, "{\"error\":\"invalid_grant\"}"));
        FakeSession http = new FakeSession();
        signedIn(sessions, http, Instant.now().plus(Duration.ofMinutes(10)));

        assertThat(sessions.current(http.request(), LYON)).isEmpty();
        assertThat(http.invalidated).isTrue();
        assertThat(calls).hasValue(1);
    }

    @Test
    void aSessionOfTheShardTheRealmLeftEndsAtItsNextRequest() throws Exception {
        // The realm lives on the configured Keycloak at sign-in, then the registry says another shard (ADR 0048).
        java.util.concurrent.atomic.AtomicReference<Optional<RealmEndpoints>> shard =
                new java.util.concurrent.atomic.AtomicReference<>(Optional.empty());
        String keycloak = "http://127.0.0.1:" + closedPort();
        TokenVerifier verifier = new TokenVerifier(RealmEndpoints.of(keycloak, keycloak), Duration.ofMinutes(5),
                realm -> shard.get());
        PortalSessions sessions = new PortalSessions();
        sessions.verifier = verifier;
        sessions.tokenEndpoint = new TokenEndpoint();
        sessions.tokenEndpoint.verifier = verifier;
        FakeSession http = new FakeSession();
        VerifiedToken token = new VerifiedToken("ent-lyon", "sub-1", "eleve", "Élève", Set.of("Student"),
                Optional.empty(), Set.of(), Optional.empty(), Instant.now().plusSeconds(300));
        PortalSession portal = sessions.open("lyon", new TokenSet("access", "refresh", "id",
                Instant.now().plus(Duration.ofMinutes(10))), token);
        sessions.signedIn(http.session(), portal);
        assertThat(sessions.current(http.request(), LYON)).contains(portal);

        shard.set(Optional.of(RealmEndpoints.of("https://auth-b.ent.fr", "http://keycloak-b:8080")));
        assertThat(sessions.current(http.request(), LYON)).isEmpty();
        assertThat(http.invalidated).isTrue();
        assertThat(calls).as("no refresh asked of either server").hasValue(0);
    }

    /** A session whose access token expires in 10 s (inside the refresh margin), Keycloak's session until then. */
    private static PortalSession signedIn(PortalSessions sessions, FakeSession http, Instant keycloakSessionEnds) {
        VerifiedToken token = new VerifiedToken("ent-lyon", "sub-1", "eleve", "Élève", Set.of("Student"),
                Optional.empty(), Set.of(), Optional.empty(), Instant.now().plusSeconds(10));
        PortalSession portal = sessions.open("lyon",
                new TokenSet("access", "refresh", "id", keycloakSessionEnds), token);
        sessions.signedIn(http.session(), portal);
        return portal;
    }

    private static PortalSessions sessions(String keycloak) {
        TokenVerifier verifier = new TokenVerifier(RealmEndpoints.of(keycloak, keycloak), Duration.ofMinutes(5));
        PortalSessions sessions = new PortalSessions();
        sessions.verifier = verifier;
        sessions.tokenEndpoint = new TokenEndpoint();
        sessions.tokenEndpoint.verifier = verifier;
        return sessions;
    }

    private String answering(int status, String body) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            calls.incrementAndGet();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** An HTTP session and a request bound to it, with the few methods the sessions use. */
    private static final class FakeSession {
        final Map<String, Object> attributes = new HashMap<>();
        boolean invalidated;

        HttpSession session() {
            return (HttpSession) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpSession.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getAttribute" -> attributes.get((String) args[0]);
                        case "setAttribute" -> attributes.put((String) args[0], args[1]);
                        case "removeAttribute" -> attributes.remove((String) args[0]);
                        case "invalidate" -> {
                            invalidated = true;
                            attributes.clear();
                            yield null;
                        }
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> null;
                    });
        }

        HttpServletRequest request() {
            HttpSession session = session();
            return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) ->
                            "getSession".equals(method.getName()) ? session : null);
        }
    }
}
