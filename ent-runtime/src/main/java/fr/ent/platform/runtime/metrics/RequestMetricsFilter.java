package fr.ent.platform.runtime.metrics;

import fr.ent.platform.metrics.PlatformRegistry;
import fr.ent.platform.runtime.tenant.Tenant;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.FileNotFoundException;
import java.io.IOException;

/**
 * Times every request of the runtime into {@link RequestMetrics}. It is the outermost filter (web.xml maps it
 * before tenant-resolution), so unknown hosts (404) and suspended collectivities (503) are counted too. The
 * collectivity is the one tenant-resolution found (request attribute named after {@link Tenant}), else
 * {@code _unknown}. An exception escaping the chain counts as what the container will send: 404 for a path nothing
 * serves, else 500.
 * {@code ent.metrics.enabled=false} turns recording off (the overhead benchmark compares both).
 */
public class RequestMetricsFilter extends HttpFilter {

    static final String TENANT_ATTRIBUTE = Tenant.class.getName();

    @Inject
    MetricsSettings settings;

    private boolean enabled;

    private RequestMetrics metrics;

    @Override
    public void init() {
        metrics = new RequestMetrics(PlatformRegistry.prometheus());
        enabled = settings.enabled();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!enabled) {
            chain.doFilter(request, response);
            return;
        }
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            record(request, statusSentFor(e), start);
            throw e;
        }
        if (request.isAsyncStarted()) {
            request.getAsyncContext().addListener(new AsyncListener() {
                @Override
                public void onComplete(AsyncEvent event) {
                    record(request, response.getStatus(), start);
                }

                @Override
                public void onTimeout(AsyncEvent event) {
                }

                @Override
                public void onError(AsyncEvent event) {
                }

                @Override
                public void onStartAsync(AsyncEvent event) {
                }
            });
            return;
        }
        record(request, response.getStatus(), start);
    }

    /**
     * The status the container answers an escaped exception with: Liberty's file-serving servlet reports a path
     * nothing serves by throwing {@link FileNotFoundException} (wrapped in a ServletException), which the
     * container turns into a 404; anything else is a 500. Counting the former as a server error would charge a
     * scanner's probes to the collectivity's error budget.
     */
    static int statusSentFor(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof FileNotFoundException) {
                return 404;
            }
        }
        return 500;
    }

    private void record(HttpServletRequest request, int status, long start) {
        long nanos = System.nanoTime() - start;
        String collectivity = request.getAttribute(TENANT_ATTRIBUTE) instanceof Tenant tenant
                ? tenant.slug() : RequestMetrics.UNKNOWN_COLLECTIVITY;
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        String path = uri.startsWith(context) ? uri.substring(context.length()) : uri;
        metrics.record(collectivity, AppOfPath.of(path), status, nanos);
    }
}
