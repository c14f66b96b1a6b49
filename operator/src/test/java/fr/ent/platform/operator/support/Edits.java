package fr.ent.platform.operator.support;

import io.fabric8.kubernetes.client.KubernetesClientException;

/** A test's own changes to a resource the running operator also writes. */
public final class Edits {

    private Edits() {
    }

    /**
     * An edit is a read then a patch at the version read: when the operator patches the resource's status in between,
     * the API server answers 409 Conflict, as it would to kubectl. Read again and retry, as a client does.
     */
    public static void onConflictAgain(Runnable edit) {
        for (int attempt = 1; ; attempt++) {
            try {
                edit.run();
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 || attempt == 5) {
                    throw e;
                }
            }
        }
    }
}
