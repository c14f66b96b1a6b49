package fr.ent.platform.runtime.data;

import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Where an app reads its part of a collectivity's archive back ({@link DataContract#importCollectivity}), into the
 * new, empty collectivity being filled (ADR 0033). The archive was verified whole (every checksum) before the first
 * app is asked. Ids are kept as they were: the new collectivity has a schema of its own, so nothing can clash.
 */
public interface CollectivityImport {

    /** The collectivity being filled (the new slug). */
    String collectivity();

    /** The collectivity the archive came from. */
    String source();

    /**
     * Loads {@code apps/<app>/<table>.jsonl} into {@code table} in {@code em}'s unit of work (a {@code TenantData}
     * write), as {@code mode} says; a table the archive does not have is left empty ({@link TableTransfer.Mode#REPLACE})
     * or as it is.
     *
     * @return the number of rows loaded
     */
    long table(EntityManager em, String table, TableTransfer.Mode mode);

    /** The paths of the app's files in the archive, relative to {@code files/<app>/} (the stored keys' paths). */
    List<String> files();

    /** Stores the archive's file {@code path} (from {@link #files()}) under the same path of the new collectivity. */
    void restoreFile(String path);
}
