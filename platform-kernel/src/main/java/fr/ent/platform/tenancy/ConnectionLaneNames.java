package fr.ent.platform.tenancy;

/**
 * The connection lanes' names (ADR 0057), shared by the runtime that takes connections from them and tenant-manager
 * that measures their pools: server.xml defines {@value #MAX} data sources {@code jdbc/ent-lane-0} to {@code -7},
 * and {@value #SETTING} ({@code ENT_DB_LANES}) says how many are used.
 */
public final class ConnectionLaneNames {

    /** Setting: how many lanes the collectivities are spread over (1: none, the shared pool). */
    public static final String SETTING = "ent.db.lanes";
    /** The lanes server.xml defines. */
    public static final int MAX = 8;

    private ConnectionLaneNames() {
    }

    /** The JNDI name of lane {@code lane}. */
    public static String jndiName(int lane) {
        if (lane < 0 || lane >= MAX) {
            throw new IllegalArgumentException("no lane " + lane + " (0 to " + (MAX - 1) + ")");
        }
        return "jdbc/ent-lane-" + lane;
    }
}
