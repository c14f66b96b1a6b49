package fr.ent.platform.runtime.tenant;

import fr.ent.platform.identity.RealmEndpoints;
import fr.ent.platform.identity.Realms;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.problem.DatabaseOutage;
import fr.ent.platform.problem.ProblemException;
import fr.ent.platform.problem.Unavailable;
import fr.ent.platform.runtime.apps.InstalledApps;
import fr.ent.platform.runtime.web.Pages;
import fr.ent.platform.runtime.web.ProblemAnswer;
import fr.ent.platform.tenancy.DomainName;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Resolves the collectivity of every request from its Host header, before anything else runs. An unknown host
 * gets 404 (there is no default tenant); a suspended collectivity 503, an archived one 410, and one whose
 * schema is not at this runtime's version 503: a problem document for API clients, a readable French page
 * for browsers. A path of an app the collectivity has not enabled is 404, as if the app did not exist there.
 *
 * <p>Declared and mapped in runtime-war's web.xml, not by annotation: the filters after it (form recovery) need
 * the collectivity, and only web.xml fixes the order (Liberty runs annotation-declared filters after those).
 */
public class TenantResolutionFilter extends HttpFilter {

    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(TenantResolutionFilter.class.getName());

    @Inject
    TenantRegistry registry;

    @Inject
    TenantContext context;

    @Inject
    InstalledApps apps;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Locale locale = Pages.locale(request);
        try {
            resolve(request, response, chain, locale);
        } catch (RuntimeException | ServletException e) {
            // the database lost (a restart, a failover): a clear 503 to retry, not the server's error page
            if (!DatabaseOutage.isCause(e) || response.isCommitted()) {
                throw e;
            }
            LOG.warning(() -> "database unavailable: " + request.getMethod() + " " + request.getRequestURI() + ": " + e);
            ProblemAnswer.send(request, response, DatabaseOutage.problem(), locale);
        }
    }

    private void resolve(HttpServletRequest request, HttpServletResponse response, FilterChain chain, Locale locale)
            throws IOException, ServletException {
        String host = DomainName.hostOf(request.getHeader("Host"));
        Tenant tenant = host == null ? null : registry.byHost(host).orElse(null);
        if (tenant == null) {
            ProblemAnswer.send(request, response, new NotFound("unknown-tenant", host == null ? "" : host), locale);
            return;
        }
        request.setAttribute(Tenant.class.getName(), tenant); // the collectivity label of the request metrics
        switch (tenant.state()) {
            case SUSPENDED -> {
                ProblemAnswer.send(request, response, new Unavailable("tenant-suspended", tenant.displayName())
                        .retryAfter(Duration.ofHours(1)), locale);
                return;
            }
            case ARCHIVED -> {
                // Gone for good is the protocol's word, not a domain kind: the one status stated here.
                ProblemAnswer.send(request, response,
                        new ProblemException(410, "tenant-archived", tenant.displayName()), locale);
                return;
            }
            default -> {
                // ACTIVE: served below, if its schema is at the version this runtime was built for.
            }
        }
        if (!apps.expectedSchemas().equals(tenant.schemaVersion())) {
            ProblemAnswer.send(request, response, new Unavailable("tenant-unavailable", tenant.displayName())
                    .retryAfter(Duration.ofMinutes(5)), locale);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (apps.ofPath(path).filter(app -> !tenant.enables(app.id())).isPresent()) {
            ProblemAnswer.send(request, response, new NotFound("no-such-resource"), locale);
            return;
        }
        context.enter(tenant);
        Optional<RealmEndpoints> shard = registry.shardOfRealm(Realms.ofCollectivity(tenant.slug()));
        if (shard.isPresent()) {
            // its pages' forms lead to its own shard's login pages, not the configured Keycloak's (ADR 0048)
            Pages.forShardAt(shard.get().publicBase().toString(), () -> chain.doFilter(request, response));
        } else {
            chain.doFilter(request, response);
        }
    }
}
