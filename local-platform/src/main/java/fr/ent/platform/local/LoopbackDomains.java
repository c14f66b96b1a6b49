package fr.ent.platform.local;

import fr.ent.platform.keycloak.local.LocalKeycloak;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Local platform: keeps the collectivity domains resolvable by Keycloak (its JVM resolves through
 * {@link LocalKeycloak#hostsFile()}), so that Keycloak reaches {@code /auth/backchannel-logout} of collectivities
 * created by hand after the start (e.g. {@code paris.localhost}). Polls the admin API's list; a new domain works
 * for back-channel logout within one period.
 */
final class LoopbackDomains {

    private static final long PERIOD_SECONDS = 10;

    private LoopbackDomains() {
    }

    /** Starts a daemon thread adding every collectivity domain to Keycloak's hosts file, now and periodically. */
    static void follow(PlatformClient client, LocalKeycloak keycloak) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "loopback-domains");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                HttpResponse<String> list = client.admin("GET", "/collectivities", null);
                if (list.statusCode() == 200) {
                    keycloak.resolveToLoopback(domains(list.body()));
                }
            } catch (Exception e) {
                // The platform is stopping or the admin API is busy: the next period tries again.
            }
        }, 0, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    static List<String> domains(String listJson) {
        List<String> domains = new ArrayList<>();
        JsonValue value = Json.createReader(new StringReader(listJson)).readValue();
        var items = value.getValueType() == JsonValue.ValueType.ARRAY ? value.asJsonArray()
                : value.asJsonObject().getJsonArray("items");
        for (JsonValue item : items) {
            var d = item.asJsonObject().getJsonArray("domains");
            if (d != null) {
                d.getValuesAs(jakarta.json.JsonString.class).forEach(s -> domains.add(s.getString()));
            }
        }
        return domains;
    }
}
