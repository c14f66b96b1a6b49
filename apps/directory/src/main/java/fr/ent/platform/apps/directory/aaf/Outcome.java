package fr.ent.platform.apps.directory.aaf;

import fr.ent.platform.apps.directory.sql.Sql;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What an import did so far: changes counted by what they touched ({@code "eleve.created"}...), totals, and the
 * rejections, written to {@code aaf_rejection} in the transaction that decided them (a structure whose transaction
 * fails leaves no rejection that its own records caused, only the one saying it failed).
 */
final class Outcome {

    private final UUID importId;
    final Map<String, Integer> counts = new TreeMap<>();
    int created;
    int updated;
    int unchanged;
    int removed;
    int rejected;

    Outcome(UUID importId) {
        this.importId = importId;
    }

    void created(String what) {
        count(what + ".created");
        created++;
    }

    void updated(String what) {
        count(what + ".updated");
        updated++;
    }

    void unchanged(String what) {
        count(what + ".unchanged");
        unchanged++;
    }

    void removed(String what, int n) {
        if (n > 0) {
            counts.merge(what + ".removed", n, Integer::sum);
            removed += n;
        }
    }

    void reject(EntityManager em, Staged row, String reason) {
        reject(em, row.file(), row.record().line(), row.id(), reason);
    }

    void reject(EntityManager em, String file, int line, String aafId, String reason) {
        Sql.exec(em, "INSERT INTO aaf_rejection (import_id, file, line, aaf_id, reason)"
                + " VALUES (CAST(?1 AS uuid), ?2, ?3, CAST(?4 AS text), ?5)", importId.toString(), file, line, aafId,
                reason.length() > 1000 ? reason.substring(0, 1000) : reason);
        rejected++;
    }

    private void count(String key) {
        counts.merge(key, 1, Integer::sum);
    }

    /** A copy to go back to if the transaction it counted for rolls back. */
    Snapshot snapshot() {
        return new Snapshot(new TreeMap<>(counts), created, updated, unchanged, removed, rejected);
    }

    void restore(Snapshot s) {
        counts.clear();
        counts.putAll(s.counts());
        created = s.created();
        updated = s.updated();
        unchanged = s.unchanged();
        removed = s.removed();
        rejected = s.rejected();
    }

    record Snapshot(Map<String, Integer> counts, int created, int updated, int unchanged, int removed,
            int rejected) {
    }
}
