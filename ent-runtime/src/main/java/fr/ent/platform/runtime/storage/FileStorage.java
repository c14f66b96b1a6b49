package fr.ent.platform.runtime.storage;

import fr.ent.platform.runtime.tenant.TenantContext;
import java.util.Objects;

/**
 * The platform's files as the apps see them: the current collectivity's {@link CollectivityFiles}, keyed by the
 * collectivity's id (a UUID, never reused: a slug freed by a deleted collectivity and taken again must not find
 * the old one's files). An app injects this bean and never names a collectivity itself.
 */
public final class FileStorage {

    private final ScannedUploads uploads;
    private final TenantContext tenant;

    public FileStorage(ScannedUploads uploads, TenantContext tenant) {
        this.uploads = Objects.requireNonNull(uploads, "uploads");
        this.tenant = Objects.requireNonNull(tenant, "tenant");
    }

    /** The files of the collectivity of the current request (fails outside a tenant request). */
    public CollectivityFiles current() {
        return new CollectivityFiles(tenant.current().id().toString(), uploads);
    }

    public ScannedUploads uploads() {
        return uploads;
    }
}
