package fr.ent.platform.operator.support;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls until a condition holds, failing with the last observed value so that a timeout says what was seen. */
public final class Eventually {

    private Eventually() {
    }

    public static <T> T await(Duration timeout, String what, Supplier<T> observe, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = observe.get();
            if (last != null && done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what + "; last seen: "
                + shown(last));
    }

    /** A Kubernetes object as its JSON (status, conditions and messages), anything else as its text. */
    private static String shown(Object last) {
        if (last instanceof io.fabric8.kubernetes.api.model.KubernetesResource resource) {
            return SERIALIZATION.asJson(resource);
        }
        return String.valueOf(last);
    }

    private static final io.fabric8.kubernetes.client.utils.KubernetesSerialization SERIALIZATION =
            new io.fabric8.kubernetes.client.utils.KubernetesSerialization();
}
