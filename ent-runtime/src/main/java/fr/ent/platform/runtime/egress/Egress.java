package fr.ent.platform.runtime.egress;

import fr.ent.platform.problem.Unavailable;
import fr.ent.platform.sovereignty.catalogue.Catalogue;
import fr.ent.platform.sovereignty.evaluation.EgressCheck;
import fr.ent.platform.sovereignty.evaluation.Finding;
import fr.ent.platform.sovereignty.inventory.EgressEndpoint;
import fr.ent.platform.sovereignty.policy.PolicyConfiguration;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The one door for the runtime's outbound HTTP calls. A caller names a declared endpoint ({@code ent.egress.<name>.*})
 * and a path under its URL; the call leaves only if the endpoint passes the sovereign-hosting egress rules
 * ({@link EgressCheck#RULES}: allow-listed host, declared region in the EU, TLS). Otherwise it is refused before any
 * connection is opened, with an {@code egress-refused} problem (unavailable) naming the rules, and logged.
 *
 * <p>Decisions are made on every call (they are cheap: a few string comparisons), so that the code path that
 * sends is the code path that checks.
 */
public final class Egress {

    private static final Logger LOG = Logger.getLogger(Egress.class.getName());

    private final Map<String, Destination> destinations;
    private final PolicyConfiguration policy;
    private final String misconfiguration;
    private final EgressCheck check;
    private final HttpClient http;

    /** A declared endpoint: its base URL and what the rules judge of it. */
    public record Destination(URI base, EgressEndpoint endpoint) {
        public Destination {
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(endpoint, "endpoint");
        }
    }

    /**
     * @param policy the sovereign policy; null only without declared endpoint or with a misconfiguration
     * @param misconfiguration why the egress configuration could not be read (then every call is refused), or null
     */
    public Egress(Map<String, Destination> destinations, PolicyConfiguration policy, String misconfiguration,
            HttpClient http) {
        this.destinations = Map.copyOf(destinations);
        this.policy = policy;
        this.misconfiguration = misconfiguration;
        this.check = policy == null ? null : new EgressCheck(Catalogue.standard(), policy);
        this.http = Objects.requireNonNull(http, "http");
        if (policy == null && misconfiguration == null && !destinations.isEmpty()) {
            throw new IllegalArgumentException("declared endpoints need a policy, or the reason why there is none");
        }
    }

    /** Whether an endpoint of that name is declared (a feature without one is simply not offered). */
    public boolean declared(String name) {
        return misconfiguration == null && destinations.containsKey(name);
    }

    /**
     * The findings of the egress rules for a declared endpoint, or the refusal: for health pages and reports.
     *
     * @throws Unavailable egress-not-configured / egress-misconfigured
     */
    public List<Finding> findings(String name) {
        return check.findings(destination(name).endpoint());
    }

    /**
     * Sends {@code request} to {@code path} (relative, resolved against the endpoint's URL) of the endpoint
     * {@code name}, after checking the rules.
     *
     * @throws Unavailable egress-refused (a blocking rule is broken: nothing was sent),
     *         egress-not-configured, egress-misconfigured
     * @throws IOException the endpoint could not be reached or the exchange failed (the caller maps it)
     */
    public <T> HttpResponse<T> send(String name, String path, HttpRequest.Builder request,
            HttpResponse.BodyHandler<T> body) throws IOException, InterruptedException {
        URI target = authorize(name, path);
        return http.send(request.uri(target).build(), body);
    }

    /** The checked target URI of a call; the refusal is thrown (and logged) here. */
    URI authorize(String name, String path) {
        Destination destination = destination(name);
        URI target = resolve(destination.base(), path);
        List<Finding> refusals = check.refusals(destination.endpoint());
        if (!refusals.isEmpty()) {
            String rules = refusals.stream().map(f -> f.ruleId().code()).collect(Collectors.joining(", "));
            String evidence = refusals.stream().map(f -> f.ruleId().code() + " : " + f.evidence())
                    .collect(Collectors.joining(" ; "));
            String fixes = refusals.stream().map(Finding::fix).distinct().collect(Collectors.joining(" "));
            LOG.log(Level.WARNING, "egress refused: endpoint {0} ({1}) breaks {2}: {3}",
                    new Object[] {name, destination.endpoint().address(), rules, evidence});
            throw new Unavailable("egress-refused", rules, name, destination.endpoint().address(), evidence,
                    fixes)
                    .with("rules", refusals.stream().map(f -> f.ruleId().code()).toList())
                    .with("endpoint", name)
                    .with("address", destination.endpoint().address());
        }
        return target;
    }

    private Destination destination(String name) {
        if (misconfiguration != null) {
            LOG.log(Level.WARNING, "egress refused: configuration invalid: {0}", misconfiguration);
            throw new Unavailable("egress-misconfigured", misconfiguration);
        }
        Destination destination = destinations.get(name);
        if (destination == null) {
            throw new Unavailable("egress-not-configured", name, "ent.egress." + name + ".url");
        }
        return destination;
    }

    /** The path must stay on the declared endpoint: a relative path, no scheme, no authority, no way up. */
    private static URI resolve(URI base, String path) {
        URI relative = URI.create(path);
        if (relative.isAbsolute() || relative.getRawAuthority() != null || path.startsWith("/")
                || path.contains("..")) {
            throw new IllegalArgumentException("egress path must be relative to the endpoint: " + path);
        }
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        return URI.create(root).resolve(relative);
    }

    PolicyConfiguration policy() {
        return policy;
    }
}
