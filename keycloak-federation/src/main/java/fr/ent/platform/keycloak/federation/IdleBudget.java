package fr.ent.platform.keycloak.federation;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The idle directory connections that all realms' components of one Keycloak JVM may keep together, shared by the
 * {@link DirectoryConnections} of one {@link DirectoryFederationFactory}. Each realm's own cap alone lets the number
 * grow with the number of realms (1,000 realms × a few each after a morning that touched them all), each one a
 * PostgreSQL backend of ~10 MB; with this one it stays at {@link #JVM_MAX_IDLE} whatever the number of realms.
 */
final class IdleBudget {

    /**
     * 32 per Keycloak JVM: a Keycloak pod runs a few dozen logins at once at most (its worker threads), each holding
     * one directory connection at a time, so 32 idle ones spare the connection setup to about every realm in use at
     * a given moment; a realm beyond that opens one per read (a few milliseconds, small next to the login's own
     * password hash). At worst 32 × ~10 MB of PostgreSQL memory per Keycloak instance, to count in the database's
     * max_connections (CloudNativePG's default 100) with the shards' instances and what logins use at that moment.
     */
    static final int JVM_MAX_IDLE = 32;

    private final int max;
    private final AtomicInteger held = new AtomicInteger();

    IdleBudget(int max) {
        this.max = max;
    }

    /** One more idle connection, if the budget allows it; the caller closes its connection otherwise. */
    boolean take() {
        for (int n; (n = held.get()) < max; ) {
            if (held.compareAndSet(n, n + 1)) {
                return true;
            }
        }
        return false;
    }

    /** An idle connection left the list (borrowed, expired or closed). */
    void release() {
        held.decrementAndGet();
    }

    int held() {
        return held.get();
    }
}
