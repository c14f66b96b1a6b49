package fr.ent.platform.sovereignty.inventory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Everything the sovereignty rules look at, at one moment. Immutable; the {@code with...} methods return copies. */
public record Inventory(List<Node> nodes, List<StorageClass> storageClasses, List<PersistentVolume> volumes,
                        List<ContainerImage> images, List<IngressTls> ingresses, List<EgressEndpoint> egress,
                        PlatformSettings settings, List<CollectivityResidency> collectivities,
                        List<DataService> dataServices) {

    public Inventory {
        nodes = List.copyOf(nodes);
        storageClasses = List.copyOf(storageClasses);
        volumes = List.copyOf(volumes);
        images = List.copyOf(images);
        ingresses = List.copyOf(ingresses);
        egress = List.copyOf(egress);
        settings = Objects.requireNonNull(settings, "settings");
        collectivities = List.copyOf(collectivities);
        dataServices = dataServices == null ? List.of() : List.copyOf(dataServices);
    }

    /** An inventory without data services owned through their operators (PostgreSQL and Keycloak run otherwise). */
    public Inventory(List<Node> nodes, List<StorageClass> storageClasses, List<PersistentVolume> volumes,
                     List<ContainerImage> images, List<IngressTls> ingresses, List<EgressEndpoint> egress,
                     PlatformSettings settings, List<CollectivityResidency> collectivities) {
        this(nodes, storageClasses, volumes, images, ingresses, egress, settings, collectivities, List.of());
    }

    public static Inventory empty() {
        return new Inventory(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                PlatformSettings.unconfigured(), List.of());
    }

    public Optional<StorageClass> storageClass(String name) {
        return storageClasses.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Inventory withNodes(List<Node> value) {
        return new Inventory(value, storageClasses, volumes, images, ingresses, egress, settings, collectivities,
                dataServices);
    }

    public Inventory withStorageClasses(List<StorageClass> value) {
        return new Inventory(nodes, value, volumes, images, ingresses, egress, settings, collectivities,
                dataServices);
    }

    public Inventory withVolumes(List<PersistentVolume> value) {
        return new Inventory(nodes, storageClasses, value, images, ingresses, egress, settings, collectivities,
                dataServices);
    }

    public Inventory withImages(List<ContainerImage> value) {
        return new Inventory(nodes, storageClasses, volumes, value, ingresses, egress, settings, collectivities,
                dataServices);
    }

    public Inventory withIngresses(List<IngressTls> value) {
        return new Inventory(nodes, storageClasses, volumes, images, value, egress, settings, collectivities,
                dataServices);
    }

    public Inventory withEgress(List<EgressEndpoint> value) {
        return new Inventory(nodes, storageClasses, volumes, images, ingresses, value, settings, collectivities,
                dataServices);
    }

    public Inventory withSettings(PlatformSettings value) {
        return new Inventory(nodes, storageClasses, volumes, images, ingresses, egress, value, collectivities,
                dataServices);
    }

    public Inventory withCollectivities(List<CollectivityResidency> value) {
        return new Inventory(nodes, storageClasses, volumes, images, ingresses, egress, settings, value,
                dataServices);
    }

    public Inventory withDataServices(List<DataService> value) {
        return new Inventory(nodes, storageClasses, volumes, images, ingresses, egress, settings, collectivities,
                value);
    }
}
