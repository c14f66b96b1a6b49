package fr.ent.platform.tenants.probe;

import fr.ent.platform.tenants.registry.Collectivity;

/**
 * One synthetic check of a collectivity, as its users reach it: through the public endpoint, with its domain as
 * Host. The probes run are the {@link SyntheticProbes#probes()} list: {@link PortalProbe} ({@code portal}) and, when
 * Keycloak is configured, {@link ApiProbe} ({@code api}).
 */
public interface Probe {

    /** The {@code probe} label: bounded, one per implementation. */
    String name();

    /** True when the collectivity answered as expected; false or an exception otherwise. */
    boolean check(Collectivity collectivity, String domain) throws Exception;

    /**
     * Thrown by {@link #check} when the collectivity cannot be probed this way yet (the probe's Keycloak client is
     * created by the realm reconciliation that follows an upgrade): no sample this round rather than a failure that
     * would charge an outage nobody had.
     */
    final class NotYet extends RuntimeException {
        public NotYet(String message) {
            super(message, null, false, false);
        }
    }

    /** After each round: forget what is kept for collectivities no longer probed. */
    default void retainOnly(java.util.Set<String> slugs) {
    }
}
