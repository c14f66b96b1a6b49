package fr.ent.platform.operator.platform;

import fr.ent.platform.operator.collectivity.Collectivity;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * The shared ENT runtime (Open Liberty with tenant-manager and ent-runtime) of a namespace: one per namespace,
 * serving every Collectivity of that namespace.
 */
@Group(Collectivity.GROUP)
@Version(Collectivity.VERSION)
@ShortNames({"entp"})
@AdditionalPrinterColumn(name = "Image", jsonPath = ".spec.image", type = AdditionalPrinterColumn.Type.STRING,
        priority = 1)
@AdditionalPrinterColumn(name = "Replicas", jsonPath = ".status.readyReplicas",
        type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
        type = AdditionalPrinterColumn.Type.DATE)
public class EntPlatform extends CustomResource<EntPlatformSpec, EntPlatformStatus> implements Namespaced {

    @Override
    protected EntPlatformStatus initStatus() {
        return new EntPlatformStatus();
    }
}
