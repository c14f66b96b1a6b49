package fr.ent.platform.sovereignty;

import fr.ent.platform.sovereignty.inventory.CollectivityResidency;
import fr.ent.platform.sovereignty.inventory.ContainerImage;
import fr.ent.platform.sovereignty.inventory.DataService;
import fr.ent.platform.sovereignty.inventory.EgressEndpoint;
import fr.ent.platform.sovereignty.inventory.EgressEndpoint.Kind;
import fr.ent.platform.sovereignty.inventory.IngressTls;
import fr.ent.platform.sovereignty.inventory.Inventory;
import fr.ent.platform.sovereignty.inventory.Node;
import fr.ent.platform.sovereignty.inventory.PersistentVolume;
import fr.ent.platform.sovereignty.inventory.PersistentVolume.Purpose;
import fr.ent.platform.sovereignty.inventory.PlatformSettings;
import fr.ent.platform.sovereignty.inventory.Residency;
import fr.ent.platform.sovereignty.inventory.StorageClass;
import fr.ent.platform.sovereignty.policy.PolicyConfiguration;
import fr.ent.platform.sovereignty.policy.QualifiedProviders;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** A policy and an inventory that complies with every rule; tests derive violating inventories from it. */
public final class Fixtures {

    private Fixtures() {
    }

    public static PolicyConfiguration policy() {
        Properties p = new Properties();
        p.setProperty("regions.fr", "fr-par, fr-mrs");
        p.setProperty("regions.eu", "de-fra,nl-ams");
        p.setProperty("registries.allowed", "harbor.ent.example.fr/ent,registry.ent.example.fr");
        p.setProperty("egress.hosts.allowed",
                "llm.ia.example.fr,smtp.ent.example.fr,*.s3.fr-par.example.net,backup.ent.example.fr");
        return PolicyConfiguration.fromProperties(p, QualifiedProviders.bundled());
    }

    public static final Node NODE_PAR = new Node("node-par-1", "fr-par", "fr-par-1", "ovhcloud");
    public static final Node NODE_MRS = new Node("node-mrs-1", "fr-mrs", "fr-mrs-1", "outscale");

    public static final StorageClass ENCRYPTED = new StorageClass("chiffre", "csi.example.fr",
            Map.of("encrypted", "true", "type", "ssd"), true);
    public static final StorageClass PLAIN = new StorageClass("plain", "csi.example.fr", Map.of("type", "hdd"), false);

    public static final PersistentVolume SHARED_DATA = new PersistentVolume("pv-postgres", "chiffre", "fr-par", "ent",
            "data-postgres-0", null, Purpose.DATA);
    public static final PersistentVolume LYON_FILES = new PersistentVolume("pv-lyon-files", "chiffre", "fr-par",
            "ent", "lyon-files", "lyon", Purpose.DATA);
    public static final PersistentVolume BACKUPS = new PersistentVolume("pv-backups", "chiffre", "fr-mrs", "ent",
            "backups", null, Purpose.BACKUP);

    public static final ContainerImage RUNTIME = new ContainerImage("ent", "ent-runtime-0", "runtime",
            "harbor.ent.example.fr/ent/runtime:1.4.0");
    public static final ContainerImage POSTGRES = new ContainerImage("ent", "postgres-0", "postgres",
            "registry.ent.example.fr/postgres@sha256:0123456789abcdef");

    public static final IngressTls PORTAL = new IngressTls("ent", "portail",
            List.of("lyon.ent.example.fr", "occitanie.ent.example.fr"),
            List.of("lyon.ent.example.fr", "occitanie.ent.example.fr"));

    public static final EgressEndpoint AI = new EgressEndpoint("ia", Kind.AI_PROVIDER, "https", "llm.ia.example.fr",
            -1, true, "fr-par", null);
    public static final EgressEndpoint SMTP = new EgressEndpoint("smtp", Kind.SMTP, "smtp", "smtp.ent.example.fr",
            587, true, "fr-par", null);
    public static final EgressEndpoint OBJECTS = new EgressEndpoint("objets", Kind.OBJECT_STORAGE, "https",
            "ent.s3.fr-par.example.net", -1, true, "fr-par", "ovhcloud");
    public static final EgressEndpoint BACKUP = new EgressEndpoint("sauvegarde", Kind.BACKUP, "https",
            "backup.ent.example.fr", -1, true, "fr-mrs", "cloud-temple");

    /** The platform's PostgreSQL owned by the operator (CloudNativePG): Paris, encrypted class, backups to Marseille. */
    public static final DataService DATABASE = new DataService(DataService.Kind.POSTGRESQL, "ent", "ent-db",
            List.of("fr-par"), "chiffre", new DataService.Backup("s3://ent-backups/ent-db (backup.ent.example.fr)",
                    "fr-mrs", true));
    /** The platform's Keycloak owned by the operator (Keycloak Operator): its data is in PostgreSQL. */
    public static final DataService IDENTITY = new DataService(DataService.Kind.KEYCLOAK, "ent", "ent-keycloak",
            List.of("fr-par", "fr-mrs"), null, null);

    public static final PlatformSettings SETTINGS = new PlatformSettings(true, 365, 90, true);

    public static final CollectivityResidency LYON = new CollectivityResidency("ent", "lyon", "lyon", Residency.FR);
    public static final CollectivityResidency OCCITANIE = new CollectivityResidency("ent", "occitanie", "occitanie",
            Residency.EU);

    public static Inventory compliant() {
        return new Inventory(List.of(NODE_PAR, NODE_MRS), List.of(ENCRYPTED, PLAIN),
                List.of(SHARED_DATA, LYON_FILES, BACKUPS), List.of(RUNTIME, POSTGRES), List.of(PORTAL),
                List.of(AI, SMTP, OBJECTS, BACKUP), SETTINGS, List.of(LYON, OCCITANIE), List.of(DATABASE, IDENTITY));
    }
}
