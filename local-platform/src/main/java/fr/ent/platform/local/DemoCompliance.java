package fr.ent.platform.local;

import fr.ent.platform.sovereignty.inventory.CollectivityResidency;
import fr.ent.platform.sovereignty.inventory.Inventory;
import fr.ent.platform.sovereignty.inventory.IngressTls;
import fr.ent.platform.sovereignty.inventory.InventorySnapshot;
import fr.ent.platform.sovereignty.inventory.Node;
import fr.ent.platform.sovereignty.inventory.PersistentVolume;
import fr.ent.platform.sovereignty.inventory.PlatformSettings;
import fr.ent.platform.sovereignty.inventory.Residency;
import fr.ent.platform.sovereignty.inventory.StorageClass;
import java.io.IOException;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the compliance report of the local platform judges: a demo sovereignty policy (the settings the rules read,
 * given to the server at its start) and an inventory of this machine, pushed to tenant-manager as the operator
 * pushes a cluster's ({@code PUT /admin/api/v1/compliance/inventory}).
 *
 * <p>The inventory says what this machine is and runs, not what a sovereign hosting would be, so the demo report is
 * honest: one node (this machine) whose region and provider are unknown unless declared ({@code ENT_LOCAL_REGION},
 * {@code ENT_LOCAL_PROVIDER}); one volume on the local disk (not declared encrypted unless
 * {@code ENT_LOCAL_DISK_ENCRYPTED=true}) for each part of the platform that keeps data there
 * ({@link LocalPlatform#components()}: the embedded PostgreSQL, Keycloak's accounts, Open Liberty's logs, the file
 * store, Prometheus' series), in the declared region; the public endpoint in plain HTTP; each collectivity resident in
 * France unless {@code ENT_LOCAL_RESIDENCY=EU}. No container image (the parts run as local processes, which the
 * registry rule does not judge) and no backup: those rules are « non évaluable ». The rules this machine does not
 * meet show as not met (« non conforme »).
 */
public final class DemoCompliance {

    /**
     * The demo policy and settings (docs/configuration.md, "Sovereign hosting"): French and EU regions of a
     * sovereign cloud, and administrators' second factor, which the local Keycloak does require (KeycloakSetup).
     * What the local platform does not do (log retention, account deletion, export) is left unset: not met.
     */
    public static final Map<String, String> POLICY = Map.of(
            "ENT_SOVEREIGNTY_REGIONS_FR", "fr-par,fr-mrs",
            "ENT_SOVEREIGNTY_REGIONS_EU", "de-fra,nl-ams",
            "ENT_ADMIN_MFA_REQUIRED", "true");

    /** The storage class standing for this machine's disk. */
    static final String LOCAL_DISK = "disque-local";

    private DemoCompliance() {
    }

    /** {@link #POLICY} under what this environment sets already (a developer's own settings win). */
    public static Map<String, String> policyUnder(Map<String, String> environment) {
        Map<String, String> policy = new HashMap<>();
        POLICY.forEach((k, v) -> {
            String own = environment.get(k);
            if (own == null || own.isBlank()) {
                policy.put(k, v);
            }
        });
        return policy;
    }

    /** A collectivity of this machine and its public domain. */
    public record Hosted(String slug, String domain) {
    }

    /**
     * A part of the local platform as it runs on this machine.
     *
     * @param name what it is, in French ("PostgreSQL embarqué", "clamd"…)
     * @param data the directory where it keeps data, or null when it keeps none worth judging (clamd's signatures)
     */
    public record Component(String name, Path data) {
    }

    /**
     * The inventory of this machine serving these collectivities on {@code httpPort} with these parts;
     * {@code environment} gives what the developer declared about the machine (region, provider, encrypted disk,
     * residency).
     */
    public static InventorySnapshot machineInventory(List<Hosted> collectivities, int httpPort,
            List<Component> components, Map<String, String> environment, Instant now) {
        String region = declared(environment, "ENT_LOCAL_REGION");
        String provider = declared(environment, "ENT_LOCAL_PROVIDER");
        Map<String, String> disk = "true".equalsIgnoreCase(declared(environment, "ENT_LOCAL_DISK_ENCRYPTED"))
                ? Map.of("encrypted", "true") : Map.of();
        Residency residency = "EU".equalsIgnoreCase(declared(environment, "ENT_LOCAL_RESIDENCY")) ? Residency.EU
                : Residency.FR;
        Inventory inventory = new Inventory(
                List.of(new Node(hostname(), region, null, provider)),
                List.of(new StorageClass(LOCAL_DISK, "répertoire local", disk, true)),
                // every part shares its data directory between the collectivities (a schema, a realm, a folder
                // each): no volume is one collectivity's own
                components.stream().filter(c -> c.data() != null)
                        .map(c -> new PersistentVolume(c.name() + " (" + c.data() + ")", LOCAL_DISK, region, null,
                                null, null, PersistentVolume.Purpose.DATA))
                        .toList(),
                List.of(),
                // the public endpoint: plain HTTP on this machine, for every domain
                List.of(new IngressTls("local", "http-" + httpPort,
                        collectivities.stream().map(Hosted::domain).toList(), List.of())),
                List.of(),
                // the settings are the server's own (its configuration), not the inventory's
                PlatformSettings.unconfigured(),
                collectivities.stream().map(c -> new CollectivityResidency(null, c.slug(), c.slug(), residency))
                        .toList());
        return new InventorySnapshot(now.truncatedTo(ChronoUnit.SECONDS), inventory);
    }

    /** Pushes the inventory of this machine to tenant-manager; fails if it refuses it. */
    public static void push(PlatformClient client, InventorySnapshot snapshot)
            throws IOException, InterruptedException {
        HttpResponse<String> put = client.admin("PUT", "/compliance/inventory", snapshot.toJson());
        if (put.statusCode() != 200) {
            throw new IllegalStateException("inventaire de la machine refusé : " + put.statusCode() + " "
                    + put.body());
        }
    }

    private static String declared(Map<String, String> environment, String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "cette-machine";
        }
    }
}
