package fr.ent.platform.runtime.security.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import fr.ent.platform.identity.RealmEndpoints;
import fr.ent.platform.identity.TokenVerifier;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Before a browser is sent to Keycloak to sign in, the portal asks whether it answers; once per few seconds. */
class IdentityProviderProbeTest {

    @Test
    void aClosedPortDoesNotAnswer() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThat(probe("http://127.0.0.1:" + closed).answers("ent-lyon")).isFalse();
    }

    @Test
    void anyAnswerUnder500IsUpAnd503IsDown_askedOncePerWindow() throws Exception {
        AtomicInteger status = new AtomicInteger(404);
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            assertThat(probe(base).answers("ent-lyon")).isTrue(); // a realm unknown to Keycloak: Keycloak is up
            IdentityProviderProbe probe = probe(base);
            status.set(503);
            assertThat(probe.answers("ent-lyon")).isFalse();
            status.set(200);
            assertThat(probe.answers("ent-lyon")).isFalse(); // the silence is remembered for KEEP_SILENCE
            assertThat(calls).hasValue(2);
        } finally {
            server.stop(0);
        }
    }

    private static IdentityProviderProbe probe(String keycloak) {
        IdentityProviderProbe probe = new IdentityProviderProbe();
        probe.verifier = new TokenVerifier(RealmEndpoints.of(keycloak, keycloak), Duration.ofMinutes(5));
        return probe;
    }
}
