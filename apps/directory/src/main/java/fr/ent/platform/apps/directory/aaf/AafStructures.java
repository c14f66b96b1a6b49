package fr.ent.platform.apps.directory.aaf;

import fr.ent.platform.apps.directory.StructureType;
import fr.ent.platform.apps.directory.Text;
import fr.ent.platform.apps.directory.Uai;
import fr.ent.platform.apps.directory.aaf.AafRecord.Operation;
import fr.ent.platform.apps.directory.sql.Sql;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Structures (EtabEducNat) and the national nomenclatures (subjects, MEF). A structure is found by its AAF key
 * ({@code structure.external_id = 'aaf:<ENTStructureJointure>'}), else by its UAI (a school declared by hand or by
 * a BE1D import is adopted, not duplicated). Deleting a structure is never done by a file: it is reported.
 */
final class AafStructures {

    private AafStructures() {
    }

    static String externalId(String key) {
        return "aaf:" + key;
    }

    /** The structure's id, if the directory has it under this AAF key. */
    static Optional<UUID> find(EntityManager em, String key) {
        return Sql.rows(em, "SELECT CAST(id AS text) FROM structure WHERE external_id = ?1", externalId(key))
                .stream().map(r -> UUID.fromString((String) r[0])).findFirst();
    }

    static void apply(EntityManager em, Staged row, Outcome out) {
        AafRecord r = row.record();
        if (r.id() == null) {
            out.reject(em, row, "établissement sans identifiant");
            return;
        }
        if (r.operation() == Operation.DELETE) {
            out.reject(em, row, "suppression de l'établissement " + r.id()
                    + " non appliquée : un établissement se ferme depuis la console, pas par un fichier");
            return;
        }
        List<Object[]> existing = Sql.rows(em, "SELECT CAST(id AS text), uai, name, type FROM structure"
                + " WHERE external_id = ?1", externalId(r.id()));
        String uaiText = r.has("ENTStructureUAI") ? r.first("ENTStructureUAI")
                : existing.isEmpty() ? null : (String) existing.get(0)[1];
        String name = r.has("ENTStructureNomCourant") ? Text.trimToNull(r.first("ENTStructureNomCourant"))
                : existing.isEmpty() ? null : (String) existing.get(0)[2];
        String typeText = r.first("ENTStructureTypeStruct");
        Uai uai;
        try {
            uai = Uai.parse(uaiText);
        } catch (RuntimeException e) {
            out.reject(em, row, "UAI invalide : « " + (uaiText == null ? "" : uaiText) + " »");
            return;
        }
        if (name == null || name.length() > 200) {
            out.reject(em, row, name == null ? "nom de l'établissement (ENTStructureNomCourant) manquant"
                    : "nom de l'établissement de plus de 200 caractères");
            return;
        }
        StructureType type;
        if (typeText != null) {
            Optional<StructureType> t = type(typeText);
            if (t.isEmpty()) {
                out.reject(em, row, "type d'établissement non pris en charge : « " + typeText + " »");
                return;
            }
            type = t.get();
        } else if (!existing.isEmpty()) {
            type = StructureType.valueOf((String) existing.get(0)[3]);
        } else {
            out.reject(em, row, "type d'établissement (ENTStructureTypeStruct) manquant");
            return;
        }
        if (existing.isEmpty()) {
            List<Object[]> byUai = Sql.rows(em, "SELECT CAST(id AS text), external_id FROM structure WHERE uai = ?1",
                    uai.value());
            if (!byUai.isEmpty()) {
                if (byUai.get(0)[1] != null) {
                    out.reject(em, row, "UAI " + uai.value() + " déjà importé sous l'identifiant AAF "
                            + ((String) byUai.get(0)[1]).substring(4));
                    return;
                }
                Sql.exec(em, "UPDATE structure SET external_id = ?1, name = ?2, type = ?3, education_level = ?4"
                        + " WHERE id = CAST(?5 AS uuid)", externalId(r.id()), name, type.name(),
                        type.educationLevel(), byUai.get(0)[0]);
                out.updated("etablissement");
                return;
            }
            if (r.operation() == Operation.MODIFY && !r.has("ENTStructureUAI")) {
                out.reject(em, row, "modification d'un établissement absent de l'annuaire");
                return;
            }
            Sql.exec(em, "INSERT INTO structure (id, uai, name, type, education_level, external_id, created_at)"
                    + " VALUES (CAST(?1 AS uuid), ?2, ?3, ?4, ?5, ?6, now())", UUID.randomUUID().toString(),
                    uai.value(), name, type.name(), type.educationLevel(), externalId(r.id()));
            out.created("etablissement");
            return;
        }
        Object[] e = existing.get(0);
        if (uai.value().equals(e[1]) && name.equals(e[2]) && type.name().equals(e[3])) {
            out.unchanged("etablissement");
            return;
        }
        Sql.exec(em, "UPDATE structure SET uai = ?1, name = ?2, type = ?3, education_level = ?4"
                + " WHERE id = CAST(?5 AS uuid)", uai.value(), name, type.name(), type.educationLevel(), e[0]);
        out.updated("etablissement");
    }

    /**
     * Our three kinds from the AAF's many ({@code COLLEGE}, {@code LYCEE GENERAL ET TECHNOLOGIQUE},
     * {@code LYCEE PROFESSIONNEL}, {@code ECOLE ELEMENTAIRE}...); others (EREA, SANS OBJET...) are not schools the
     * directory models and are rejected.
     */
    static Optional<StructureType> type(String aafType) {
        String t = Text.fold(aafType).toUpperCase(Locale.ROOT);
        if (t.contains("LYCEE")) {
            return Optional.of(StructureType.LYCEE);
        }
        if (t.contains("COLLEGE")) {
            return Optional.of(StructureType.COLLEGE);
        }
        if (t.contains("ECOLE")) {
            return Optional.of(StructureType.ECOLE);
        }
        return Optional.empty();
    }

    /** A subject or a MEF of the nomenclature: code and label, replaced; a delete removes it. */
    static void nomenclature(EntityManager em, Staged row, Outcome out) {
        boolean subject = row.kind() == AafKind.SUBJECT;
        String table = subject ? "subject" : "mef";
        String what = subject ? "matiere" : "mef";
        AafRecord r = row.record();
        String code = r.id() != null ? r.id() : r.first(subject ? "ENTMatJointure" : "ENTMefJointure");
        if (code == null || code.length() > 40) {
            out.reject(em, row, code == null ? "code manquant" : "code de plus de 40 caractères");
            return;
        }
        if (r.operation() == Operation.DELETE) {
            out.removed(what, Sql.exec(em, "DELETE FROM " + table + " WHERE code = ?1", code));
            return;
        }
        String label = Text.trimToNull(r.first(subject ? "ENTLibelleMatiere" : "ENTLibelleMef"));
        if (label == null || label.length() > 200) {
            out.reject(em, row, label == null ? "libellé manquant" : "libellé de plus de 200 caractères");
            return;
        }
        List<Object[]> existing = Sql.rows(em, "SELECT label FROM " + table + " WHERE code = ?1", code);
        if (existing.isEmpty()) {
            Sql.exec(em, "INSERT INTO " + table + " (code, label) VALUES (?1, ?2)", code, label);
            out.created(what);
        } else if (label.equals(existing.get(0)[0])) {
            out.unchanged(what);
        } else {
            Sql.exec(em, "UPDATE " + table + " SET label = ?2 WHERE code = ?1", code, label);
            out.updated(what);
        }
    }
}
