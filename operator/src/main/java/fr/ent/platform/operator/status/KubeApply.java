package fr.ent.platform.operator.status;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Objects;
import java.util.function.Function;

/**
 * Create-or-update of the objects an operator owns, without server-side apply (the mock API server of the tests
 * does not implement it; see ../shared/STACK.md). An object is written only when what the operator manages in it
 * (labels, annotations, owner references, and the content {@code content} extracts) differs, so that a steady
 * state costs reads only.
 */
public final class KubeApply {

    private KubeApply() {
    }

    /** Returns true if the object was created or changed. */
    public static <T extends HasMetadata> boolean apply(KubernetesClient client, T desired,
            Function<T, Object> content) {
        T existing = client.resource(desired).get();
        if (existing == null) {
            client.resource(desired).create();
            return true;
        }
        if (sameManagedParts(existing, desired, content)) {
            return false;
        }
        desired.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
        client.resource(desired).update();
        return true;
    }

    private static <T extends HasMetadata> boolean sameManagedParts(T existing, T desired, Function<T, Object> content) {
        var e = existing.getMetadata();
        var d = desired.getMetadata();
        return containsAll(e.getLabels(), d.getLabels()) && containsAll(e.getAnnotations(), d.getAnnotations())
                && Objects.equals(e.getOwnerReferences(), d.getOwnerReferences())
                && Objects.equals(content.apply(existing), content.apply(desired));
    }

    /** Others (kubectl users, cert-manager) may add labels and annotations: only ours must be there. */
    private static boolean containsAll(java.util.Map<String, String> actual, java.util.Map<String, String> wanted) {
        if (wanted == null || wanted.isEmpty()) {
            return true;
        }
        return actual != null && actual.entrySet().containsAll(wanted.entrySet());
    }
}
