package fr.ent.platform.operator.collectivity;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A collectivity tenant (région, département, commune, groupement) as a Kubernetes resource: applying it provisions
 * the tenant through tenant-manager, deleting it archives and deletes the tenant according to its reclaim policy.
 */
@Group(Collectivity.GROUP)
@Version(Collectivity.VERSION)
@ShortNames({"coll", "colls"})
@AdditionalPrinterColumn(name = "Slug", jsonPath = ".spec.slug", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "State", jsonPath = ".status.tenantState", type = AdditionalPrinterColumn.Type.STRING,
        priority = 1)
@AdditionalPrinterColumn(name = "Message", jsonPath = ".status.message", type = AdditionalPrinterColumn.Type.STRING,
        priority = 1)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
        type = AdditionalPrinterColumn.Type.DATE)
public class Collectivity extends CustomResource<CollectivitySpec, CollectivityStatus> implements Namespaced {

    public static final String GROUP = "platform.ent.fr";
    public static final String VERSION = "v1alpha1";

    @Override
    protected CollectivityStatus initStatus() {
        return new CollectivityStatus();
    }
}
