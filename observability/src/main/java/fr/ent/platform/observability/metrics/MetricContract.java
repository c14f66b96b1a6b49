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

    /** Provisioning steps of tenant-manager (histogram, seconds), labels {@code step} and {@code outcome}. */
    public static final String PROVISIONING_STEP = "ent_provisioning_step_seconds";
    /** The runtime's PostgreSQL connection pool (gauges). */
    public static final String DB_POOL_ACTIVE = "ent_db_pool_active_connections";
    public static final String DB_POOL_MAX = "ent_db_pool_max_connections";
    public static final String DB_POOL_PENDING = "ent_db_pool_pending_threads";

    /** JVM and process metrics of Micrometer's standard binders (JvmMemoryMetrics, JvmGcMetrics, ...). */
    public static final List<String> JVM = List.of("jvm_memory_used_bytes", "jvm_memory_max_bytes",
            "jvm_gc_pause_seconds_count", "jvm_gc_pause_seconds_sum", "jvm_threads_live_threads", "process_cpu_usage");

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

    /** Every series name of the contract that a query may use (histograms with their suffixes). */
    public static List<String> allSeries() {
        List<String> names = new java.util.ArrayList<>();
        for (String histogram : List.of(HTTP_REQUESTS, PROVISIONING_STEP)) {
            for (String suffix : List.of("_bucket", "_count", "_sum")) {
                names.add(histogram + suffix);
            }
        }
        names.add(HTTP_REQUESTS + "_max");
        names.addAll(List.of(PROBE_SUCCESS, PROBE_DURATION, COLLECTIVITY_INFO, DB_POOL_ACTIVE, DB_POOL_MAX,
                DB_POOL_PENDING));
        names.addAll(JVM);
        return List.copyOf(names);
    }

    private MetricContract() {
    }
}
