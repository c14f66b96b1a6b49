package fr.ent.platform.tenants.metrics;

import fr.ent.platform.metrics.PlatformRegistry;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /admin/metrics}: the whole server's metrics (both applications, the JVM, the database pool) in the
 * Prometheus text format. A plain servlet of tenant-manager, so it lives only on the loopback admin endpoint
 * (virtual host admin_host) and never on a collectivity's domain; it is outside the JAX-RS admin API so that a
 * Prometheus scraper on that endpoint needs no token (docs/observability.md).
 */
@WebServlet(urlPatterns = "/metrics", name = "metrics")
public class MetricsEndpoint extends HttpServlet {

    static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    @Inject
    RegistryGauges registryGauges;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        registryGauges.refresh();
        response.setContentType(TEXT_FORMAT);
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(PlatformRegistry.prometheus().scrape());
    }
}
