package fr.ent.platform.tenants.metrics;

import fr.ent.platform.metrics.PlatformRegistry;
import fr.ent.platform.problem.Problem;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /admin/metrics}: the whole server's metrics (both applications, the JVM, the database pool) in the
 * Prometheus text format. A plain servlet of tenant-manager, so it lives only on the admin endpoint (virtual host
 * admin_host) and never on a collectivity's domain; it is outside the JAX-RS admin API because the scraper
 * authenticates with its own static token ({@link ScrapeAccess}, docs/observability.md), not a Keycloak token.
 */
@WebServlet(urlPatterns = "/metrics", name = "metrics")
public class MetricsEndpoint extends HttpServlet {

    static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    @Inject
    RegistryGauges registryGauges;

    @Inject
    MetricsSettings settings;

    private ScrapeAccess access;

    @PostConstruct
    void createAccess() {
        access = new ScrapeAccess(settings.token());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!access.allows(request.getHeader("Authorization"), request.getLocalAddr())) {
            Problem problem = Problem.of(401, "unauthenticated", Problem.localeOf(request.getLocale()));
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"ent-metrics\"");
            response.setContentType(Problem.MEDIA_TYPE);
            response.getWriter().write(problem.toJson());
            return;
        }
        registryGauges.refresh();
        response.setContentType(TEXT_FORMAT);
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(PlatformRegistry.prometheus().scrape());
    }
}
