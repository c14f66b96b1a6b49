package fr.ent.platform.observability.metrics;

import java.util.List;

/**
 * The metric names and labels the runtime exports and the SLA rules, dashboards and operator read (the contract of
 * docs/observability.md). Changing one of them is a change on both sides.
 */
public final class MetricContract {

    /** Micrometer name of the server request timer; Prometheus name {@link #HTTP_REQUESTS}. */
    public static final String HTTP_REQUESTS_METER = "ent.http.server.requests";
    /** Histogram of server requests (seconds): {@code _bucket}, {@code _count}, {@code _sum}, plus Micrometer's {@code _max}. */
    public static final String HTTP_REQUESTS = "ent_http_server_requests_seconds";
    /** Result of the last synthetic probe of a collectivity: 1 success, 0 failure (gauge). */
    public static final String PROBE_SUCCESS = "ent_probe_success";
    /** Duration of the last synthetic probe (gauge, seconds). */
    public static final String PROBE_DURATION = "ent_probe_duration_seconds";
    /** Always 1, one series per collectivity, carrying its {@code plan} (and {@code kind}) as labels. */
    public static final String COLLECTIVITY_INFO = "ent_collectivity_info";

    /** The collectivity slug; bounded: requests that name no known collectivity carry {@link #UNKNOWN_COLLECTIVITY}. */
    public static final String LABEL_COLLECTIVITY = "collectivity";
    /** The ENT application (portal, directory, homework...). */
    public static final String LABEL_APP = "app";
    /** Micrometer's {@code Outcome}: INFORMATIONAL, SUCCESS, REDIRECTION, CLIENT_ERROR, SERVER_ERROR, UNKNOWN. */
    public static final String LABEL_OUTCOME = "outcome";
    /** The HTTP status code. */
    public static final String LABEL_STATUS = "status";
    /** The probe of {@link #PROBE_SUCCESS}: {@code portal} (home page) or {@code api} (an authenticated API call). */
    public static final String LABEL_PROBE = "probe";
    /** The plan of {@link #COLLECTIVITY_INFO}. */
    public static final String LABEL_PLAN = "plan";

    public static final String UNKNOWN_COLLECTIVITY = "_unknown";
    public static final String OUTCOME_CLIENT_ERROR = "CLIENT_ERROR";
    public static final String OUTCOME_SERVER_ERROR = "SERVER_ERROR";

    /** The two probes run against every collectivity. */
    public static final List<String> PROBES = List.of("portal", "api");

    private MetricContract() {
    }
}
