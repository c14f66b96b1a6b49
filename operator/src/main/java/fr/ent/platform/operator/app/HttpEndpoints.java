package fr.ent.platform.operator.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The operator's own HTTP endpoints: {@code /healthz} (liveness: the process answers), {@code /readyz} (the
 * operator started and all its informers are healthy; a replica waiting for the Lease is not ready, so the
 * Service shows which replica leads) and {@code /metrics} (Prometheus text format).
 */
public final class HttpEndpoints implements AutoCloseable {

    private final HttpServer server;

    private HttpEndpoints(HttpServer server) {
        this.server = server;
    }

    public static HttpEndpoints start(int port, Operator operator, PrometheusMeterRegistry registry)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/healthz", exchange -> send(exchange, 200, "text/plain", "ok\n"));
        server.createContext("/readyz", exchange -> {
            String notReady = notReady(operator);
            send(exchange, notReady == null ? 200 : 503, "text/plain",
                    notReady == null ? "ready\n" : "not ready: " + notReady + "\n");
        });
        server.createContext("/metrics", exchange -> send(exchange, 200,
                "text/plain; version=0.0.4; charset=utf-8", registry.scrape()));
        server.start();
        return new HttpEndpoints(server);
    }

    /** null when ready, else why not. */
    private static String notReady(Operator operator) {
        try {
            var info = operator.getRuntimeInfo();
            if (!info.isStarted()) {
                return "operator not started (or waiting for the leader Lease)";
            }
            return info.allEventSourcesAreHealthy() ? null : "unhealthy event sources " + info.unhealthyEventSources();
        } catch (RuntimeException e) {
            // JOSDK's runtime information is not available before the operator starts
            return "operator not started (" + e.getClass().getSimpleName() + ")";
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(1);
    }
}
