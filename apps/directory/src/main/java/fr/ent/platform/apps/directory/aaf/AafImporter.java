package fr.ent.platform.apps.directory.aaf;

import fr.ent.platform.apps.directory.DirectoryData;
import fr.ent.platform.apps.directory.Ids;
import fr.ent.platform.apps.directory.sql.Sql;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Imports AAF files (complete or delta) into the collectivity's directory, in three phases (ADR 0034):
 * <ol>
 * <li><b>read</b>: each file is read in streaming and its records staged ({@link AafStaging}); a file that cannot be
 * read stops the import before anything of the directory is touched;</li>
 * <li><b>structures and nomenclatures</b>: each structure record in its own transaction, subjects and MEF in one;</li>
 * <li><b>people, structure by structure</b>: each structure's parents, pupils and staff in ONE transaction
 * ({@link StructureImport}); the import's progress counts the structures done.</li>
 * </ol>
 * Records that cannot be applied are rejected one by one with their reason; records never reached (a parent whose
 * children are in no file and not in the directory) are reported at the end.
 */
@ApplicationScoped
public class AafImporter {

    private static final Logger LOG = Logger.getLogger(AafImporter.class.getName());
    private static final String PEOPLE = "kind IN ('RELATIVE', 'STUDENT', 'STAFF')";

    @Inject
    DirectoryData data;

    public AafImporter() {
    }

    /** For tests and benches outside the container. */
    public AafImporter(DirectoryData data) {
        this.data = data;
    }

    /** A file of an import: its AAF name and its content, read once. */
    public record Source(String name, InputStream content) {
    }

    /** Reads and applies the files; returns the finished import. The sources are read in order, once each. */
    public AafImportReport importFiles(Iterable<Source> files, String who) {
        UUID id = UUID.randomUUID();
        List<String> names = new ArrayList<>();
        Map<AafKind, List<String>> complete = new java.util.EnumMap<>(AafKind.class);
        data.write(em -> Sql.exec(em, "INSERT INTO aaf_import (id, state, requested_by, requested_at, files)"
                + " VALUES (CAST(?1 AS uuid), 'RUNNING', ?2, now(), '')", id.toString(), who));
        long started = System.nanoTime();
        try {
            long row = 0;
            for (Source file : files) {
                AafFileName name = AafFileName.parse(file.name());
                names.add(name.name());
                if (!name.delta()) {
                    complete.computeIfAbsent(name.kind(), k -> new ArrayList<>()).add(name.name());
                }
                long first = row;
                try (InputStream in = file.content()) {
                    row = data.write(em -> AafStaging.stage(em, id, name, in, first));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            if (names.isEmpty()) {
                throw new InvalidInput("import-empty");
            }
            data.write(em -> Sql.exec(em, "UPDATE aaf_import SET files = ?2 WHERE id = CAST(?1 AS uuid)",
                    id.toString(), String.join("\n", names)));
            // Fresh statistics for the rows just staged: the statements that follow join them with the directory
            // (end of rights, parents), and a plan made for an empty table is a nested scan per person.
            data.write(em -> Sql.exec(em, "ANALYZE aaf_staged"));
            long read = System.nanoTime();
            Outcome out = apply(id, complete);
            data.write(em -> Sql.exec(em, "UPDATE aaf_import SET state = 'APPLIED', finished_at = now(), created = ?2,"
                    + " updated = ?3, unchanged = ?4, removed = ?5, rejected = ?6 WHERE id = CAST(?1 AS uuid)",
                    id.toString(), out.created, out.updated, out.unchanged, out.removed, out.rejected));
            long done = System.nanoTime();
            LOG.info(() -> "AAF import " + id + " by " + who + " of " + names.size() + " files: read in "
                    + (read - started) / 1_000_000 + " ms, applied in " + (done - read) / 1_000_000 + " ms; created "
                    + out.created + ", updated " + out.updated + ", removed " + out.removed + ", rejected "
                    + out.rejected);
            return report(id, out.counts);
        } catch (AafFormatException e) {
            fail(id, e.getMessage());
            throw new InvalidInput("import-unreadable", e.file(), (e.line() > 0 ? "ligne " + e.line() + " : " : "")
                    + e.reason()).with("file", e.file()).with("line", e.line());
        } catch (RuntimeException e) {
            fail(id, e.getClass().getSimpleName() + ": " + e.getMessage());
            throw e;
        } finally {
            data.write(em -> Sql.exec(em, "DELETE FROM aaf_staged WHERE import_id = CAST(?1 AS uuid)", id.toString()));
        }
    }

    private Outcome apply(UUID id, Map<AafKind, List<String>> complete) {
        Outcome out = new Outcome(id);
        String importId = id.toString();
        // Structures, one transaction each, and the nomenclatures in one.
        for (Staged s : data.read(em -> Staged.read(em, id, "kind = 'STRUCTURE'"))) {
            guarded(out, s.file(), s.record().line(), s.id(),
                    () -> data.write(em -> {
                        AafStructures.apply(em, s, out);
                        return null;
                    }));
        }
        guarded(out, "nomenclatures", 0, null, () -> data.write(em -> {
            Staged.read(em, id, "kind IN ('SUBJECT', 'MEF')").forEach(s -> AafStructures.nomenclature(em, s, out));
            return null;
        }));
        // Changes that name no structure go where this import puts the person (an add earlier in the files), else
        // where the directory has them.
        data.write(em -> {
            Sql.exec(em, "UPDATE aaf_staged st SET structure_key = o.structure_key FROM aaf_staged o"
                    + " WHERE st.import_id = CAST(?1 AS uuid) AND st.structure_key IS NULL AND st.kind IN ('STUDENT',"
                    + " 'STAFF') AND o.import_id = st.import_id AND o.kind = st.kind AND o.aaf_id = st.aaf_id"
                    + " AND o.structure_key IS NOT NULL", importId);
            String person = "'aaf:' || CASE st.kind WHEN 'STUDENT' THEN 'eleve' WHEN 'RELATIVE' THEN 'responsable'"
                    + " ELSE 'perseducnat' END || ':' || st.aaf_id";
            Sql.exec(em, "UPDATE aaf_staged st SET structure_key = substring(s.external_id from 5) FROM ent_user u"
                    + " JOIN structure s ON s.id = u.structure_id WHERE st.import_id = CAST(?1 AS uuid)"
                    + " AND st.structure_key IS NULL AND st." + PEOPLE + " AND s.external_id IS NOT NULL"
                    + " AND u.external_id = " + person, importId);
            Sql.exec(em, "UPDATE aaf_staged st SET structure_key = substring(s.external_id from 5) FROM ent_user_merge m"
                    + " JOIN ent_user u ON u.id = m.kept_id JOIN structure s ON s.id = u.structure_id"
                    + " WHERE st.import_id = CAST(?1 AS uuid) AND st.structure_key IS NULL AND st." + PEOPLE
                    + " AND s.external_id IS NOT NULL AND m.merged_external_id = " + person, importId);
            return null;
        });
        List<String> keys = data.read(em -> Sql.rows(em, "SELECT DISTINCT structure_key FROM aaf_staged"
                + " WHERE import_id = CAST(?1 AS uuid) AND " + PEOPLE + " AND structure_key IS NOT NULL"
                + " ORDER BY structure_key", importId).stream().map(r -> (String) r[0]).toList());
        data.write(em -> Sql.exec(em, "UPDATE aaf_import SET structures_total = ?2 WHERE id = CAST(?1 AS uuid)",
                importId, keys.size()));
        for (String key : keys) {
            guarded(out, "établissement " + key, 0, key, () -> data.write(em -> {
                Optional<UUID> structure = AafStructures.find(em, key);
                if (structure.isEmpty()) {
                    for (Staged s : Staged.read(em, id, "structure_key = ?2 AND " + PEOPLE, key)) {
                        out.reject(em, s, "établissement " + key
                                + " inconnu : absent de l'annuaire et du fichier EtabEducNat (ou rejeté)");
                    }
                    // as StructureImport: only the parents' rows are looked at again below
                    Sql.exec(em, "UPDATE aaf_staged SET applied = true WHERE import_id = CAST(?1 AS uuid)"
                            + " AND structure_key = ?2 AND kind = 'RELATIVE'", importId, key);
                } else {
                    StructureImport.apply(em, id, structure.get(), key,
                            Staged.read(em, id, "structure_key = ?2 AND " + PEOPLE, key), out);
                }
                Sql.exec(em, "UPDATE aaf_import SET structures_done = structures_done + 1"
                        + " WHERE id = CAST(?1 AS uuid)", importId);
                return null;
            }));
        }
        // The end of rights (ADR 0042): who the complete files no longer name, then parents left without a child
        // who keeps the right. After the structures: a person moved from one school to another is named by now.
        guarded(out, "fin de droits", 0, null, () -> data.write(em -> {
            for (AafKind kind : List.of(AafKind.STUDENT, AafKind.STAFF, AafKind.RELATIVE)) {
                if (complete.containsKey(kind)) {
                    out.counts.merge("droit.perdu", AafRights.absentFromComplete(em, id, kind, complete.get(kind)),
                            Integer::sum);
                }
            }
            out.counts.merge("droit.perdu", AafRights.parentsOfLeavers(em, id), Integer::sum);
            return null;
        }));
        // What no structure reached: the rows without a structure, and the parents (a structure marks as applied
        // only the parents it reached; keep this condition and those marks in step).
        data.write(em -> {
            for (Staged s : Staged.read(em, id, "NOT applied AND " + PEOPLE
                    + " AND (structure_key IS NULL OR kind = 'RELATIVE')")) {
                out.reject(em, s, unreached(s));
            }
            return null;
        });
        return out;
    }

    private static String unreached(Staged s) {
        if (s.op() != AafRecord.Operation.ADD) {
            return "personne absente de l'annuaire : modification ou suppression sans effet";
        }
        if (s.kind() == AafKind.RELATIVE && s.record().first("sn") == null) {
            return "nom (sn) manquant";
        }
        if (s.kind() == AafKind.RELATIVE && s.record().first("givenName") == null) {
            return "prénom (givenName) manquant";
        }
        return s.kind() == AafKind.RELATIVE
                ? "responsable sans élève dans les fichiers ni dans l'annuaire : non importé"
                : "aucun établissement de rattachement (ENTPersonStructRattach) : non importé";
    }

    /**
     * Runs one transaction; if it fails, what it counted is forgotten and the failure is reported as a rejection
     * (the other structures still go in: one school's broken data must not hold back every other school).
     */
    private void guarded(Outcome out, String file, int line, String aafId, Runnable transaction) {
        Outcome.Snapshot before = out.snapshot();
        try {
            transaction.run();
        } catch (InvalidInput | NotFound e) {
            throw e;
        } catch (RuntimeException e) {
            out.restore(before);
            LOG.warning(() -> "AAF import: " + file + " not applied: " + e);
            data.write(em -> {
                out.reject(em, file, line, aafId, "non appliqué, erreur : " + e.getClass().getSimpleName());
                return null;
            });
        }
    }

    private void fail(UUID id, String why) {
        data.write(em -> Sql.exec(em, "UPDATE aaf_import SET state = 'FAILED', finished_at = now(), failure = ?2"
                + " WHERE id = CAST(?1 AS uuid)", id.toString(), why.substring(0, Math.min(why.length(), 2000))));
    }

    /** One import of this collectivity, with its first rejections. */
    public AafImportReport get(String importId) {
        UUID id = Ids.orNotFound(importId, "import-not-found");
        return report(id, Map.of());
    }

    private AafImportReport report(UUID id, Map<String, Integer> counts) {
        return data.read(em -> {
            List<Object[]> rows = Sql.rows(em, "SELECT state, requested_by, CAST(requested_at AS text),"
                    + " CAST(finished_at AS text), files, structures_total, structures_done, created, updated,"
                    + " unchanged, removed, rejected, failure FROM aaf_import WHERE id = CAST(?1 AS uuid)",
                    id.toString());
            if (rows.isEmpty()) {
                throw new NotFound("import-not-found", id);
            }
            Object[] r = rows.get(0);
            List<AafRejection> rejections = Sql.rows(em, "SELECT file, line, aaf_id, reason FROM aaf_rejection"
                    + " WHERE import_id = CAST(?1 AS uuid) ORDER BY file, line LIMIT " + AafImportReport.SHOWN_REJECTIONS,
                    id.toString()).stream().map(x -> new AafRejection((String) x[0], ((Number) x[1]).intValue(),
                            (String) x[2], (String) x[3])).toList();
            String files = (String) r[4];
            return new AafImportReport(id, (String) r[0], (String) r[1], time(r[2]), time(r[3]),
                    files.isEmpty() ? List.of() : Arrays.asList(files.split("\n")), n(r[5]), n(r[6]), n(r[7]),
                    n(r[8]), n(r[9]), n(r[10]), n(r[11]), new TreeMap<>(counts), rejections, (String) r[12]);
        });
    }

    private static int n(Object o) {
        return ((Number) o).intValue();
    }

    private static OffsetDateTime time(Object o) {
        if (o == null) {
            return null;
        }
        // PostgreSQL's text of a timestamptz: "2026-09-01 10:00:00.123+00"
        String t = ((String) o).replace(' ', 'T');
        if (t.matches(".*[+-]\\d\\d$")) {
            t = t + ":00";
        }
        return OffsetDateTime.parse(t).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
