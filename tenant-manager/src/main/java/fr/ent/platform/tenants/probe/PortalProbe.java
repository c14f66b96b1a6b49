package fr.ent.platform.tenants.probe;

import fr.ent.platform.tenants.registry.Collectivity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The collectivity's public portal page: {@code GET /} with its domain as Host must answer 200 in HTML. Setting
 * Host needs {@code -Djdk.httpclient.allowRestrictedHeaders=host} in the server's JVM (local-platform jvm.options).
 */
final class PortalProbe implements Probe {

    private final HttpClient http;
    private final URI base;
    private final Duration timeout;

    PortalProbe(HttpClient http, URI base, Duration timeout) {
        this.http = http;
        this.base = base;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "portal";
    }

    @Override
    public boolean check(Collectivity collectivity, String domain) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/")).timeout(timeout).header("Host", domain)
                .header("Accept", "text/html").header("User-Agent", "ent-synthetic-probe").GET().build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        return response.statusCode() == 200
                && response.headers().firstValue("Content-Type").orElse("").startsWith("text/html");
    }
}
