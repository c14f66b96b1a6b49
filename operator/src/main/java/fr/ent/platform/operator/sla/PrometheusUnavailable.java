package fr.ent.platform.operator.sla;

/** Prometheus did not answer a query (connection refused, timeout, HTTP or query error). */
public class PrometheusUnavailable extends RuntimeException {

    public PrometheusUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
