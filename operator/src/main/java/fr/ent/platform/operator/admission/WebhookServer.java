package fr.ent.platform.operator.admission;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The validating admission webhook over HTTPS ({@value #PATH}), on its own port: the API server only calls
 * webhooks over TLS, with the certificate of the webhook Service (cert-manager issues it and injects its CA into
 * the ValidatingWebhookConfiguration, see deploy/webhook.yaml). Every replica serves it, leader or not: admission
 * does not write anything, and the API server must not wait for a leader election to admit an object.
 */
public final class WebhookServer implements AutoCloseable {

    public static final String PATH = "/validate";
    /** An AdmissionReview of a Collectivity is a few KiB; a bigger body is not one. */
    private static final int MAX_BODY = 3 * 1024 * 1024;

    private final HttpsServer server;
    private final ExecutorService executor;

    private WebhookServer(HttpsServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static WebhookServer start(WebhookSettings settings, AdmissionReviews reviews)
            throws IOException, GeneralSecurityException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(settings.port()), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(sslContext(settings)));
        ExecutorService executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext(PATH, exchange -> handle(exchange, reviews));
        server.start();
        return new WebhookServer(server, executor);
    }

    private static SSLContext sslContext(WebhookSettings settings) throws IOException, GeneralSecurityException {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(settings.keystore())) {
            keyStore.load(in, settings.password());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, settings.password());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static void handle(HttpExchange exchange, AdmissionReviews reviews) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "POST an AdmissionReview\n");
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY + 1);
            }
            if (body.length > MAX_BODY) {
                send(exchange, 413, "text/plain", "request too large\n");
                return;
            }
            String answer;
            try {
                answer = reviews.answer(new String(body, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                send(exchange, 400, "text/plain", e.getMessage() + "\n");
                return;
            }
            send(exchange, 200, "application/json", answer);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(1);
        executor.shutdown();
    }
}
