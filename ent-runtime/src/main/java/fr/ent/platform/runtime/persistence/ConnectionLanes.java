package fr.ent.platform.runtime.persistence;

import fr.ent.platform.tenancy.ConnectionLaneNames;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import java.util.logging.Logger;
import java.util.zip.CRC32;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The collectivities spread over several connection pools ("lanes"), each collectivity always on the same lane, so
 * that a pooled connection serves a share of the collectivities instead of all of them (ADR 0057). With its
 * statements under their own text (ADR 0047), each collectivity costs every connection it meets its own prepared
 * statements, plans and catalog caches in PostgreSQL: over a thousand collectivities on one shared pool, no
 * connection can keep them, and every statement is parsed and planned again. On a lane, a connection meets only
 * the lane's collectivities.
 *
 * <p>The lanes are data sources of their own ({@code jdbc/ent-lane-0} to {@code jdbc/ent-lane-7} in server.xml, each
 * of {@code ENT_DB_LANE_POOL_MAX} connections, none opened before it is used). {@code ENT_DB_LANES} chooses how many
 * are used; 1 (the default) keeps every collectivity on the unit's own pool. Read at each unit of work, so that a
 * benchmark compares both on one running server. Isolation does not depend on the lane: every unit still opens by
 * confining itself to its collectivity's role and schema.
 */
final class ConnectionLanes {

    private static final Logger LOG = Logger.getLogger(ConnectionLanes.class.getName());

    /** The setting, read at each unit of work (tests set it without a MicroProfile Config). */
    IntSupplier count = ConnectionLanes::configuredCount;

    /** Lane {@code i}'s data source; empty when the server defines none (then the unit's pool serves). */
    IntFunction<Optional<DataSource>> lookup = ConnectionLanes::jndiLane;

    private final Map<Integer, Optional<DataSource>> lanes = new ConcurrentHashMap<>();

    /** The pool {@code schema}'s units take their connections from: its lane, or {@code pool} without lanes. */
    DataSource of(String schema, DataSource pool) {
        int n = Math.min(count.getAsInt(), ConnectionLaneNames.MAX);
        if (n <= 1) {
            return pool;
        }
        return lanes.computeIfAbsent(laneOf(schema, n), lookup::apply).orElse(pool);
    }

    /**
     * The lane of {@code schema} among {@code n}: a CRC-32 of its name, stable across processes and restarts (a
     * collectivity keeps its lane, and its statements stay where they were prepared), and spread evenly over
     * sequential names such as {@code t_b1 … t_b1000}, which String's hash is not modulo a power of two.
     */
    static int laneOf(String schema, int n) {
        CRC32 crc = new CRC32();
        crc.update(schema.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % n);
    }

    private static int configuredCount() {
        return ConfigProvider.getConfig().getOptionalValue(ConnectionLaneNames.SETTING, Integer.class).orElse(1);
    }

    private static Optional<DataSource> jndiLane(int lane) {
        String name = ConnectionLaneNames.jndiName(lane);
        try {
            return Optional.of((DataSource) new InitialContext().lookup(name));
        } catch (NamingException | RuntimeException e) {
            LOG.warning(name + " is not defined: its collectivities use the shared pool (" + e + ")");
            return Optional.empty();
        }
    }
}
