package fr.ent.platform.sovereignty.inventory;

import java.util.List;
import java.util.Objects;

/**
 * A data service the platform owns through the operator made for it (issue 18 item 7): its PostgreSQL as a
 * CloudNativePG {@code Cluster}, its Keycloak as a Keycloak Operator {@code Keycloak}. The rules look at the regions
 * its pods are pinned to, the storage class of its volumes, and where its backups go and whether they are encrypted.
 * A service run by hand outside the cluster is not one of these: it is seen through its volumes and egress, as before.
 *
 * @param regions the regions ({@code topology.kubernetes.io/region}) its pods are required to run in; empty when
 *                they are not pinned, which the location rules treat as an unknown region
 * @param storageClassName the class of its volumes, null when it keeps none (Keycloak keeps its data in PostgreSQL)
 *                         or takes the cluster's default class
 * @param backup where its base backups and WAL archives go, null when it has none
 */
public record DataService(Kind kind, String namespace, String name, List<String> regions, String storageClassName,
                          Backup backup) {

    public enum Kind {
        POSTGRESQL("PostgreSQL"), KEYCLOAK("Keycloak");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * @param destination the object store's address (e.g. {@code s3://bucket/path} on {@code https://host})
     * @param region the object store's region as declared in the resource
     * @param encrypted whether the base backups and the WAL archives are both written encrypted
     */
    public record Backup(String destination, String region, boolean encrypted) {
    }

    public DataService {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        regions = regions == null ? List.of() : List.copyOf(regions);
    }

    /** How the rules name it: "PostgreSQL ent/ent-db". */
    public String label() {
        return kind.label() + " " + (namespace == null ? "" : namespace + "/") + name;
    }
}
