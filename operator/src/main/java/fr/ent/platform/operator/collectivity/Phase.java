package fr.ent.platform.operator.collectivity;

/** The one-word summary shown by {@code kubectl get collectivities}. */
enum Phase {
    /** waiting for tenant-manager to finish the provisioning steps */
    Provisioning,
    /** active and matching its spec */
    Ready,
    Suspended,
    Archived,
    /** the spec cannot be provisioned as written (bad slug, domain owned elsewhere...): fix the spec */
    Invalid,
    /** tenant-manager reports a failed provisioning; the operator retries it with backoff */
    Failed;

    boolean isWarning() {
        return this == Invalid || this == Failed;
    }
}
