package fr.ent.platform.runtime.egress;

import fr.ent.platform.sovereignty.config.ApplicationConfiguration;
import fr.ent.platform.sovereignty.inventory.EgressEndpoint;
import fr.ent.platform.sovereignty.inventory.PlatformConfiguration;
import fr.ent.platform.sovereignty.policy.PolicyConfiguration;
import fr.ent.platform.sovereignty.policy.QualifiedProviders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the {@link Egress} door from configuration (keys in {@link ApplicationConfiguration} and
 * docs/configuration.md). A configuration that cannot be read does not stop the runtime: every outbound call is
 * refused with the reason, and the reason is logged once at start.
 */
public final class EgressConfiguration {

    private static final Logger LOG = Logger.getLogger(EgressConfiguration.class.getName());

    private EgressConfiguration() {
    }

    public static Egress fromConfig(Function<String, Optional<String>> lookup) {
        HttpClient http;
        try {
            http = client(lookup);
        } catch (RuntimeException e) {
            return refuseAll(e.getMessage());
        }
        try {
            ApplicationConfiguration configuration = new ApplicationConfiguration(lookup);
            PlatformConfiguration platform = configuration.platform();
            Map<String, Egress.Destination> destinations = new LinkedHashMap<>();
            for (EgressEndpoint endpoint : platform.egress()) {
                String url = lookup.apply("ent.egress." + endpoint.name() + ".url").orElseThrow().trim();
                destinations.put(endpoint.name(), new Egress.Destination(URI.create(url), endpoint));
            }
            if (destinations.isEmpty()) {
                return new Egress(Map.of(), null, null, http);
            }
            PolicyConfiguration policy = configuration.policy(QualifiedProviders.bundled());
            LOG.log(Level.INFO, "egress endpoints declared: {0}", destinations.keySet());
            return new Egress(destinations, policy, null, http);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "egress configuration invalid, every outbound call will be refused: {0}",
                    e.getMessage());
            return new Egress(Map.of(), null, e.getMessage(), http);
        }
    }

    private static Egress refuseAll(String reason) {
        LOG.log(Level.WARNING, "egress configuration invalid, every outbound call will be refused: {0}", reason);
        return new Egress(Map.of(), null, reason, HttpClient.newHttpClient());
    }

    /**
     * The one HTTP client of outbound calls: connect timeout {@code ent.egress.connect-timeout-seconds} (5), never
     * follows redirects (a redirect could leave the allowed host), and trusts the JVM's CAs or, when
     * {@code ent.egress.trust-store} names a PKCS#12 file, that file's certificates only (a provider with a private
     * CA; the integration tests' local server).
     */
    static HttpClient client(Function<String, Optional<String>> lookup) {
        long connect = lookup.apply("ent.egress.connect-timeout-seconds").map(String::trim).map(Long::parseLong)
                .orElse(5L);
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(connect))
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1);
        Optional<String> trustStore = lookup.apply("ent.egress.trust-store").map(String::trim).filter(s -> !s.isEmpty());
        if (trustStore.isPresent()) {
            builder.sslContext(sslContext(Path.of(trustStore.get()),
                    lookup.apply("ent.egress.trust-store-password").orElse("").toCharArray()));
        }
        return builder.build();
    }

    private static SSLContext sslContext(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("ent.egress.trust-store illisible : " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("ent.egress.trust-store invalide : " + file + " (" + e.getMessage() + ")",
                    e);
        }
    }
}
