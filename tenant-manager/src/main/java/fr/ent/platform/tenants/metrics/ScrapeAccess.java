package fr.ent.platform.tenants.metrics;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Who may scrape {@code /admin/metrics}. With a scrape token configured ({@code ENT_METRICS_TOKEN}, from a Secret
 * in a cluster), every scrape must carry it as {@code Authorization: Bearer <token>}, wherever it comes from.
 * Without one, only a connection that arrived on a loopback address is served: the local platform and the tests,
 * whose admin endpoint is on 127.0.0.1; an admin endpoint opened to a network without a token serves nobody.
 * A static token rather than a Keycloak token so that Prometheus keeps scraping (and sees the outage) while
 * Keycloak is down.
 */
public final class ScrapeAccess {

    private final byte[] token;

    public ScrapeAccess(Optional<String> token) {
        this.token = token.map(String::trim).filter(t -> !t.isEmpty()).map(t -> t.getBytes(StandardCharsets.UTF_8))
                .orElse(null);
    }

    /**
     * @param authorization the request's Authorization header (may be null)
     * @param localAddress the address the connection arrived on (servlet {@code getLocalAddr()})
     */
    public boolean allows(String authorization, String localAddress) {
        if (token == null) {
            return isLoopback(localAddress);
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        // constant time: the comparison must not tell how much of a guessed token was right
        return MessageDigest.isEqual(token, authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8));
    }

    public boolean tokenConfigured() {
        return token != null;
    }

    private static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            // a literal address (servlet getLocalAddr): no name lookup happens
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
