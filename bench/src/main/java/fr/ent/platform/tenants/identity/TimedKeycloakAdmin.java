package fr.ent.platform.tenants.identity;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * The admin client tenant-manager uses, with every HTTP exchange timed (bench only, issue 19): which admin call of
 * the REALM step grows with the realms of the server. It sits in the client's package because the one place every
 * exchange passes ({@link KeycloakAdmin#call}, tokens included, the realms' own ones too) is package-private; the
 * calls themselves are unchanged. Per exchange: a label (the method and path, the realm's name and ids replaced),
 * the status, the wall time, and the CPU Keycloak's JVM used meanwhile (read before and after, outside the timed
 * window; one call at a time, so the CPU is that call's, give or take Keycloak's background work).
 */
public final class TimedKeycloakAdmin extends KeycloakAdmin {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** One exchange. */
    public record Exchange(String label, int status, double wallMs, long cpuMs) {
    }

    private final List<Exchange> exchanges = new ArrayList<>();
    private volatile String realm = "\u0000";
    private volatile LongSupplier cpu = () -> 0;
    private volatile boolean watching;

    public TimedKeycloakAdmin(URI baseUrl, AdminCredentials credentials) {
        super(baseUrl, credentials);
    }

    /** From now on, exchanges name {@code realm} as {realm}, and take Keycloak's CPU from {@code cpu} (ms). */
    public synchronized void watch(String realm, LongSupplier cpu) {
        this.realm = realm;
        this.cpu = cpu;
        exchanges.clear();
        watching = true;
    }

    /** Stops recording (the fill and the other phases of the bench make thousands of calls). */
    public synchronized void unwatch() {
        watching = false;
        exchanges.clear();
    }

    /** The exchanges since {@link #watch} or the last drain, in order. */
    public synchronized List<Exchange> drain() {
        List<Exchange> out = List.copyOf(exchanges);
        exchanges.clear();
        return out;
    }

    @Override
    Response call(HttpRequest request, String what) {
        if (!watching) {
            return super.call(request, what);
        }
        long cpu0 = cpu.getAsLong();
        long t0 = System.nanoTime();
        Response r = super.call(request, what);
        double wall = (System.nanoTime() - t0) / 1e6;
        long cpuMs = cpu.getAsLong() - cpu0;
        synchronized (this) {
            exchanges.add(new Exchange(label(what), r.status(), wall, cpuMs));
        }
        return r;
    }

    private String label(String what) {
        if (what.startsWith("admin token")) {
            return "POST master token (platform administrator)";
        }
        if (what.startsWith("administration token of realm")) {
            return "POST {realm} token (realm's own account)";
        }
        String l = what.replace(realm, "{realm}");
        l = ID.matcher(l).replaceAll("{id}");
        return l.equals("POST ") ? "POST (realm list: create realm)" : l.equals("GET ") ? "GET (realm list)" : l;
    }
}
