package fr.ent.platform.apps.directory.aaf;

import fr.ent.platform.apps.directory.aaf.AafRecord.Operation;
import fr.ent.platform.apps.directory.sql.Sql;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/** A staged record read back for applying: the record, its kind and the file it came from. */
record Staged(AafKind kind, String structureKey, String file, AafRecord record) {

    static final String COLUMNS = "kind, op, aaf_id, structure_key, file, line, payload";

    static Staged of(Object[] row) {
        return new Staged(AafKind.valueOf((String) row[0]), (String) row[3], (String) row[4],
                new AafRecord(Operation.valueOf((String) row[1]), (String) row[2],
                        Payload.decode((String) row[6]), ((Number) row[5]).intValue()));
    }

    /** The staged rows of these kinds matching {@code where}, in the order the files gave them. */
    static List<Staged> read(EntityManager em, UUID importId, String where, Object... params) {
        Object[] all = new Object[params.length + 1];
        all[0] = importId.toString();
        System.arraycopy(params, 0, all, 1, params.length);
        return Sql.rows(em, "SELECT " + COLUMNS + " FROM aaf_staged WHERE import_id = CAST(?1 AS uuid) AND "
                + where + " ORDER BY array_position(ARRAY['STRUCTURE','SUBJECT','MEF','RELATIVE','STUDENT','STAFF'],"
                + " kind), seq", all).stream().map(Staged::of).toList();
    }

    String id() {
        return record.id();
    }

    Operation op() {
        return record.operation();
    }
}
