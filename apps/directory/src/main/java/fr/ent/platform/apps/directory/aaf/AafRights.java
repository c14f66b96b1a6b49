package fr.ent.platform.apps.directory.aaf;

import fr.ent.platform.apps.directory.sql.Sql;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/**
 * The end of rights from the AAF feed (issue 18, ADR 0032, ADR 0042): a person the feed no longer has — deleted by
 * a delta, or absent from a complete file — is marked {@code ent_user.rights_lost_at} (the date of the first import
 * that lost them; a mark already there keeps its date), as the BE1D import does. Naming them again clears the mark
 * ({@link StructureImport} does it in the same statement that brings the person up to date). tenant-manager's
 * {@code EndOfRights} erases the marked people once the collectivity's delay has passed, keeping a parent while one of
 * their children has not lost the right; a parent is marked here once none of their children keeps it.
 */
final class AafRights {

    private static final String PARENT = "aaf:responsable:";

    private AafRights() {
    }

    /** Marks one person (a delta's delete). */
    static int lose(EntityManager em, UUID person) {
        return Sql.exec(em, "UPDATE ent_user SET rights_lost_at = now() WHERE id = CAST(?1 AS uuid)"
                + " AND rights_lost_at IS NULL", person.toString());
    }

    /**
     * Marks the pupils or staff of the feed that this import's complete files of their kind do not name, in the
     * structures those files speak of (a structure the files do not mention at all is not judged: it may simply not
     * be in this feed). A record the import rejected still names its person: a bad line is no departure. Nothing is
     * marked if a record of the files had no identifier (it may have been anyone).
     */
    static int absentFromComplete(EntityManager em, UUID importId, AafKind kind, List<String> completeFiles) {
        String id = importId.toString();
        String files = Sql.list(completeFiles);
        if (anonymousRecords(em, id, kind, files)) {
            return 0;
        }
        String prefix = kind.externalId("");
        String covered = "(SELECT s.id FROM structure s WHERE s.external_id IN (SELECT 'aaf:' || st.structure_key"
                + " FROM aaf_staged st WHERE st.import_id = CAST(?1 AS uuid) AND st.kind = ?2"
                + " AND st.structure_key IS NOT NULL AND st.file = ANY(string_to_array(?4, chr(31)))))";
        String where = kind == AafKind.RELATIVE ? ""
                : " AND (u.structure_id IN " + covered + " OR EXISTS (SELECT 1 FROM ent_user_attachment a"
                        + " WHERE a.user_id = u.id AND a.structure_id IN " + covered + "))";
        return Sql.exec(em, "UPDATE ent_user u SET rights_lost_at = now() WHERE u.rights_lost_at IS NULL"
                + " AND u.external_id LIKE ?3 || '%'" + where
                + " AND NOT EXISTS (SELECT 1 FROM aaf_staged st WHERE st.import_id = CAST(?1 AS uuid)"
                + " AND st.kind = ?2 AND st.aaf_id = substring(u.external_id from length(?3) + 1))"
                + " AND NOT EXISTS (SELECT 1 FROM ent_user_merge m JOIN aaf_staged st"
                + " ON m.merged_external_id = ?3 || st.aaf_id WHERE m.kept_id = u.id"
                + " AND st.import_id = CAST(?1 AS uuid) AND st.kind = ?2)", id, kind.name(), prefix, files);
    }

    private static boolean anonymousRecords(EntityManager em, String importId, AafKind kind, String files) {
        return !Sql.rows(em, "SELECT 1 FROM aaf_staged WHERE import_id = CAST(?1 AS uuid) AND kind = ?2"
                + " AND aaf_id IS NULL AND file = ANY(string_to_array(?3, chr(31))) LIMIT 1", importId, kind.name(),
                files).isEmpty();
    }

    /**
     * Marks the feed's parents who have children and none of whom keeps the right (the parent goes with the last
     * child), unless this import names the parent (the feed still has them).
     */
    static int parentsOfLeavers(EntityManager em, UUID importId) {
        return Sql.exec(em, "UPDATE ent_user u SET rights_lost_at = now() WHERE u.rights_lost_at IS NULL"
                + " AND u.external_id LIKE ?2 || '%'"
                + " AND EXISTS (SELECT 1 FROM relative_link l WHERE l.relative_id = u.id)"
                + " AND NOT EXISTS (SELECT 1 FROM relative_link l JOIN ent_user k ON k.id = l.student_id"
                + " WHERE l.relative_id = u.id AND k.rights_lost_at IS NULL)"
                + " AND NOT EXISTS (SELECT 1 FROM aaf_staged st WHERE st.import_id = CAST(?1 AS uuid)"
                + " AND st.kind = 'RELATIVE' AND st.op <> 'DELETE'"
                + " AND st.aaf_id = substring(u.external_id from length(?2) + 1))", importId.toString(), PARENT);
    }
}
