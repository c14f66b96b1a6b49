package fr.ent.platform.runtime.data;

import fr.ent.platform.runtime.storage.ObjectKey;
import jakarta.persistence.EntityManager;

/**
 * Where an app writes its part of a whole collectivity ({@link DataContract#exportCollectivity}, reversibility,
 * ADR 0033): each of its tables, whole, as {@code apps/<app>/<table>.jsonl}, and the files its rows name, as
 * {@code files/<app>/<path>} (docs/reversibility-format.md). Streaming: a table goes out one row at a time.
 */
public interface CollectivityExport {

    /** The collectivity being exported (its slug). */
    String collectivity();

    /**
     * Writes every row of the app's table {@code table}, read in {@code em}'s unit of work (a {@code TenantData}
     * read), ordered by {@code order}.
     *
     * @return the number of rows written
     */
    long table(EntityManager em, String table, TableTransfer.Order order);

    /**
     * Copies the collectivity's stored file {@code key} into the archive as {@code files/<app>/<key's path>}: the
     * import puts it back under the same path of the new collectivity, so the rows that name it stay right.
     */
    void file(ObjectKey key);
}
