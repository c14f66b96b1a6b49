package fr.ent.platform.apps.directory.aaf;

import fr.ent.platform.apps.directory.sql.Sql;
import jakarta.persistence.EntityManager;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reads one AAF file in streaming and keeps its records in {@code aaf_staged}, {@value #BATCH} rows per statement,
 * each under the structure it belongs to: the structure itself, a pupil's {@code ENTPersonStructRattach}, every structure
 * a staff member is attached to or teaches in. Parents, and changes that do not name a structure, are kept without
 * one: the import finds it afterwards, from the directory or from their children.
 */
final class AafStaging {

    static final String[] STAFF_VALUES_BY_STRUCTURE = {"ENTAuxEnsClasses", "ENTAuxEnsGroupes",
        "ENTAuxEnsClassesMatieres", "ENTAuxEnsGroupesMatieres", "ENTAuxEnsMEF", "ENTPersonFonctions"};
    private static final int BATCH = 500;

    private final EntityManager em;
    private final UUID importId;
    private final AafFileName file;
    private final List<Object[]> pending = new ArrayList<>(BATCH);
    private long rowNo;
    private long seq;

    private AafStaging(EntityManager em, UUID importId, AafFileName file, long firstRow) {
        this.em = em;
        this.importId = importId;
        this.file = file;
        this.rowNo = firstRow;
        this.seq = firstRow;
    }

    /** Stages the file; returns the next free row number (rows are numbered across the import's files). */
    static long stage(EntityManager em, UUID importId, AafFileName file, InputStream in, long firstRow) {
        AafStaging s = new AafStaging(em, importId, file, firstRow);
        AafReader.read(file.name(), in, s::add);
        s.flush();
        return s.rowNo;
    }

    private void add(AafRecord r) {
        seq++;
        String payload = Payload.encode(r.attributes());
        Set<String> keys = structureKeys(file.kind(), r);
        if (keys.isEmpty()) {
            keys = java.util.Collections.singleton(null);
        }
        for (String key : keys) {
            pending.add(new Object[] {++rowNo, seq, file.kind().name(), r.operation().name(), r.id(), key,
                file.name(), r.line(), payload});
        }
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    /** The structures (their AAF keys) a record is applied in; empty when the record does not say. */
    static Set<String> structureKeys(AafKind kind, AafRecord r) {
        Set<String> keys = new LinkedHashSet<>();
        switch (kind) {
            case STRUCTURE -> {
                if (r.id() != null) {
                    keys.add(r.id());
                }
            }
            case STUDENT -> keys.addAll(r.all("ENTPersonStructRattach"));
            case STAFF -> {
                keys.addAll(r.all("ENTPersonStructRattach"));
                for (String attribute : STAFF_VALUES_BY_STRUCTURE) {
                    for (String v : r.all(attribute)) {
                        int dollar = v.indexOf('$');
                        if (dollar > 0) {
                            keys.add(v.substring(0, dollar));
                        }
                    }
                }
            }
            default -> {
                // nomenclatures belong to no structure; parents are found through their children
            }
        }
        return keys;
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO aaf_staged (import_id, row_no, seq, kind, op, aaf_id,"
                + " structure_key, file, line, payload) VALUES ");
        List<Object> params = new ArrayList<>(pending.size() * 10);
        for (int i = 0; i < pending.size(); i++) {
            int p = i * 10;
            sql.append(i == 0 ? "" : ",").append("(CAST(?").append(p + 1).append(" AS uuid),?").append(p + 2)
                    .append(",?").append(p + 3).append(",?").append(p + 4).append(",?").append(p + 5)
                    .append(",CAST(?").append(p + 6).append(" AS text),CAST(?").append(p + 7)
                    .append(" AS text),?").append(p + 8).append(",?").append(p + 9).append(",?").append(p + 10)
                    .append(")");
            params.add(importId.toString());
            for (Object o : pending.get(i)) {
                params.add(o);
            }
        }
        Sql.exec(em, sql.toString(), params.toArray());
        pending.clear();
    }
}
