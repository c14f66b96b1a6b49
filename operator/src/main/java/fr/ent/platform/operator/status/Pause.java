package fr.ent.platform.operator.status;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * The pause annotation: {@code platform.ent.fr/paused: "true"} makes the operator leave a resource alone (no call
 * to tenant-manager, no change to its Kubernetes objects, no deletion) until the annotation is removed, e.g.
 * during a manual intervention on the tenant.
 */
public final class Pause {

    public static final String ANNOTATION = "platform.ent.fr/paused";

    private Pause() {
    }

    public static boolean isPaused(HasMetadata resource) {
        var annotations = resource.getMetadata().getAnnotations();
        return annotations != null && "true".equalsIgnoreCase(annotations.get(ANNOTATION));
    }
}
