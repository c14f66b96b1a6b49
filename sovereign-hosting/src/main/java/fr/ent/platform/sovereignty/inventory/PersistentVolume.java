package fr.ent.platform.sovereignty.inventory;

import java.util.Objects;

/**
 * A persistent volume. {@code region} comes from its {@value Node#REGION_LABEL} label or its node affinity
 * ({@code null} if neither says); {@code collectivity} is the slug of its {@value #COLLECTIVITY_LABEL} label, or
 * {@code null} for a volume shared by the platform (the shared PostgreSQL holds every collectivity's schema).
 */
public record PersistentVolume(String name, String storageClassName, String region, String claimNamespace,
                               String claimName, String collectivity, Purpose purpose) {

    public static final String COLLECTIVITY_LABEL = "platform.ent.fr/collectivity";
    /** {@code backup} marks a volume holding backups; anything else (or nothing) is data. */
    public static final String PURPOSE_LABEL = "ent.fr/purpose";

    public enum Purpose { DATA, BACKUP }

    public PersistentVolume {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(purpose, "purpose");
    }

    /** True if this volume may hold the data of the collectivity {@code slug}: its own volumes and shared ones. */
    public boolean holdsDataOf(String slug) {
        return collectivity == null || collectivity.equals(slug);
    }
}
