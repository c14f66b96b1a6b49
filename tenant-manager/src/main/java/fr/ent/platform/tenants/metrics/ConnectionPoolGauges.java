package fr.ent.platform.tenants.metrics;

import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/**
 * The database pool as Liberty's monitor-1.0 feature publishes it, the MXBean
 * {@code WebSphere:type=ConnectionPoolStats,name=<jndi name>}, read at each scrape:
 * {@code ent_db_pool_connections{pool,state=in_use|free|managed}}, {@code ent_db_pool_wait_seconds{pool}} (count
 * and sum of the waits for a connection, from the MXBean's WaitTimeDetails statistic); {@code pool} is the data
 * source's JNDI name ({@code jdbc/ent}, or a lane's, ADR 0057). The MXBean appears with the pool's first connection;
 * until then the gauges read NaN.
 */
final class ConnectionPoolGauges implements MeterBinder {

    private static final Logger LOG = Logger.getLogger(ConnectionPoolGauges.class.getName());

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final ObjectName name;
    private final String pool;
    private volatile boolean warned;

    ConnectionPoolGauges(String jndiName) {
        this.pool = jndiName;
        try {
            this.name = new ObjectName("WebSphere:type=ConnectionPoolStats,name=" + jndiName);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("pool name " + jndiName, e);
        }
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("ent.db.pool.connections", this, p -> p.number("ManagedConnectionCount")
                        - p.number("FreeConnectionCount"))
                .tag("pool", pool).tag("state", "in_use").description("Pooled connections handed out to the applications")
                .register(registry);
        Gauge.builder("ent.db.pool.connections", this, p -> p.number("FreeConnectionCount"))
                .tag("pool", pool).tag("state", "free").description("Pooled connections open and idle").register(registry);
        Gauge.builder("ent.db.pool.connections", this, p -> p.number("ManagedConnectionCount"))
                .tag("pool", pool).tag("state", "managed").description("Connections the pool holds open (in use and free)")
                .register(registry);
        FunctionTimer.builder("ent.db.pool.wait", this, p -> (long) p.detail("WaitTimeDetails", "count"),
                        p -> p.detail("WaitTimeDetails", "total"), TimeUnit.MILLISECONDS)
                .tag("pool", pool).description("Time requests waited for a pooled connection").register(registry);
    }

    private double number(String attribute) {
        Object value = read(attribute);
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private double detail(String attribute, String item) {
        Object value = read(attribute);
        if (value instanceof CompositeData data && data.containsKey(item) && data.get(item) instanceof Number n) {
            return n.doubleValue();
        }
        return 0;
    }

    private Object read(String attribute) {
        try {
            Set<ObjectName> found = server.queryNames(name, null);
            return found.isEmpty() ? null : server.getAttribute(name, attribute);
        } catch (Exception e) {
            if (!warned) {
                warned = true;
                LOG.log(Level.WARNING, "Cannot read " + attribute + " of " + name + " (is monitor-1.0 enabled?)", e);
            }
            return null;
        }
    }
}
