package fr.ent.platform.apps.directory.aaf;

import fr.ent.platform.apps.directory.Profile;
import fr.ent.platform.apps.directory.Text;
import fr.ent.platform.apps.directory.aaf.AafRecord.Operation;
import fr.ent.platform.apps.directory.communication.ProfileGroups;
import fr.ent.platform.apps.directory.sql.Sql;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The people of one structure from one import, in ONE transaction: parents, pupils (classes, teaching groups, MEF,
 * links to their parents), staff (classes and groups they teach, subjects, functions, MEF). Memory is this
 * structure's records, not the file's. People are found by their AAF identity ({@link AafKind#externalId}) or, if
 * they were merged into another record (ADR 0025), as that record. A person is never deleted: a delete takes them
 * out of every school and marks the end of their right (see {@link #leave}); naming them again gives it back.
 */
final class StructureImport {

    private static final DateTimeFormatter AAF_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final String AAF_PARENT = "aaf:responsable:%";

    private final EntityManager em;
    private final UUID importId;
    private final UUID sid;
    private final String key;
    private final Outcome out;

    private final Map<String, UUID> classes = new HashMap<>();
    private final Map<String, UUID> groups = new HashMap<>();
    private final Map<String, Person> people = new HashMap<>();
    /** Parents already brought up to date in this transaction (siblings name the same parents). */
    private final Set<String> parentsDone = new HashSet<>();
    /** This import's parent records the pupils of this structure name, by AAF id (read in one statement). */
    private final Map<String, List<Staged>> stagedParents = new HashMap<>();
    /** People created in this transaction: they have no memberships yet, nothing to read or remove. */
    private final Set<UUID> createdHere = new HashSet<>();

    private record Person(UUID id, Profile profile, String lastName, String firstName, LocalDate birthDate,
            String email, UUID structureId, boolean lost) {
    }

    /** This structure's new rows, sent {@value Sql.Inserts#ROWS} at a time, in this order (a row's references come first). */
    private final List<Sql.Inserts> batches = new ArrayList<>();
    private final Sql.Inserts users;
    private final Sql.Inserts newClasses;
    private final Sql.Inserts newGroups;
    private final Sql.Inserts classMembers;
    private final Sql.Inserts groupMembers;
    private final Sql.Inserts links;
    private final Sql.Inserts teaching;
    private final Sql.Inserts functions;
    private final Sql.Inserts mefs;

    private StructureImport(EntityManager em, UUID importId, UUID sid, String key, Outcome out) {
        this.em = em;
        this.importId = importId;
        this.sid = sid;
        this.key = key;
        this.out = out;
        users = batch("INSERT INTO ent_user (id, external_id, profile, last_name, first_name, birth_date, email,"
                + " structure_id, search_key, created_at) VALUES", "(CAST(? AS uuid), ?, ?, ?, ?, CAST(? AS date),"
                + " CAST(? AS text), CAST(? AS uuid), ?, now())", "");
        newClasses = batch("INSERT INTO school_class (id, structure_id, name, created_at) VALUES",
                "(CAST(? AS uuid), CAST(? AS uuid), ?, now())", "");
        newGroups = batch("INSERT INTO ent_group (id, structure_id, name, type, external_id, created_at) VALUES",
                "(CAST(? AS uuid), CAST(? AS uuid), ?, 'TEACHING', ?, now())", "");
        classMembers = batch("INSERT INTO class_member (class_id, user_id) VALUES",
                "(CAST(? AS uuid), CAST(? AS uuid))", "");
        groupMembers = batch("INSERT INTO group_member (group_id, user_id) VALUES",
                "(CAST(? AS uuid), CAST(? AS uuid))", "");
        links = batch("INSERT INTO relative_link (relative_id, student_id) VALUES",
                "(CAST(? AS uuid), CAST(? AS uuid))", "ON CONFLICT DO NOTHING");
        teaching = batch("INSERT INTO teaching (user_id, structure_id, subject_code, class_id, group_id) VALUES",
                "(CAST(? AS uuid), CAST(? AS uuid), ?, CAST(? AS uuid), CAST(? AS uuid))", "ON CONFLICT DO NOTHING");
        functions = batch("INSERT INTO staff_function (user_id, structure_id, code, label, discipline_code,"
                + " discipline_label) VALUES", "(CAST(? AS uuid), CAST(? AS uuid), ?, ?, ?, CAST(? AS text))",
                "ON CONFLICT DO NOTHING");
        mefs = batch("INSERT INTO user_mef (user_id, structure_id, mef_code) VALUES",
                "(CAST(? AS uuid), CAST(? AS uuid), ?)", "");
    }

    private Sql.Inserts batch(String head, String row, String tail) {
        Sql.Inserts b = new Sql.Inserts(em, head, row, tail);
        batches.add(b);
        return b;
    }

    private void insert(Sql.Inserts batch, Object... values) {
        if (batch.add(values)) {
            flush();
        }
    }

    /** Sends every waiting row, in the order of the tables' references. */
    private void flush() {
        batches.forEach(Sql.Inserts::flush);
    }

    /** A read or another write: the rows waiting are sent first, so that it sees (or follows) them. */
    private List<Object[]> rows(String sql, Object... params) {
        flush();
        return Sql.rows(em, sql, params);
    }

    private int exec(String sql, Object... params) {
        flush();
        return Sql.exec(em, sql, params);
    }

    static void apply(EntityManager em, UUID importId, UUID structureId, String key, List<Staged> rows,
            Outcome out) {
        new StructureImport(em, importId, structureId, key, out).run(rows);
    }

    private void run(List<Staged> rows) {
        // One import of a structure at a time (two uploads of the same files must not both create its classes).
        rows("SELECT CAST(pg_advisory_xact_lock(hashtext(?1)) AS text)", "aaf:" + sid);
        rows("SELECT name, CAST(id AS text) FROM school_class WHERE structure_id = CAST(?1 AS uuid)",
                sid.toString()).forEach(r -> classes.put((String) r[0], UUID.fromString((String) r[1])));
        rows("SELECT external_id, CAST(id AS text) FROM ent_group WHERE structure_id = CAST(?1 AS uuid)"
                + " AND type = 'TEACHING' AND external_id IS NOT NULL", sid.toString())
                .forEach(r -> groups.put((String) r[0], UUID.fromString((String) r[1])));
        preload(rows);
        Set<String> parentIds = new LinkedHashSet<>();
        rows.stream().filter(r -> r.kind() == AafKind.STUDENT)
                .forEach(r -> r.record().all("ENTElevePersRelEleve").forEach(v -> parentIds.add(head(v))));
        if (!parentIds.isEmpty()) {
            String list = Sql.list(parentIds);
            Staged.read(em, importId, "kind = 'RELATIVE' AND op <> 'DELETE' AND aaf_id = ANY(string_to_array(?2,"
                    + " chr(31)))", list).forEach(s -> stagedParents.computeIfAbsent(s.id(), k -> new ArrayList<>())
                    .add(s));
        }
        for (Staged row : rows) {
            if (row.id() == null) {
                out.reject(em, row, "enregistrement sans identifiant");
                continue;
            }
            switch (row.kind()) {
                case RELATIVE -> relative(row);
                case STUDENT -> student(row);
                case STAFF -> staff(row);
                default -> throw new IllegalStateException(row.kind() + " is not applied per structure");
            }
        }
        // Only the parents' rows: the end of the import looks for what was never reached among the rows without a
        // structure and the parents (AafImporter), never among a structure's pupils and staff. Marking those too
        // rewrote every wide staged row of the structure (an UPDATE of 0.06 ms a row, France import bench).
        exec("UPDATE aaf_staged SET applied = true WHERE import_id = CAST(?1 AS uuid)"
                + " AND structure_key = ?2 AND kind = 'RELATIVE'", importId.toString(), key);
        if (!stagedParents.isEmpty()) {
            // the parents applied here through their children, wherever they were staged
            exec("UPDATE aaf_staged SET applied = true WHERE import_id = CAST(?1 AS uuid)"
                    + " AND kind = 'RELATIVE' AND aaf_id = ANY(string_to_array(?2, chr(31)))", importId.toString(),
                    Sql.list(stagedParents.keySet()));
        }
        // The school's profile groups follow its people and classes, as after a BE1D import.
        flush();
        ProfileGroups.sync(em, sid, false);
    }

    /** Everyone the rows name, and the parents the pupils name, in one statement. */
    private void preload(List<Staged> rows) {
        Set<String> ids = new LinkedHashSet<>();
        for (Staged row : rows) {
            if (row.id() == null) {
                continue;
            }
            ids.add(row.kind().externalId(row.id()));
            if (row.kind() == AafKind.STUDENT) {
                row.record().all("ENTElevePersRelEleve").forEach(v -> ids.add(AafKind.RELATIVE.externalId(head(v))));
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        String columns = "CAST(u.id AS text), u.profile, u.last_name, u.first_name, CAST(u.birth_date AS text),"
                + " u.email, CAST(u.structure_id AS text), u.rights_lost_at IS NOT NULL";
        String list = Sql.list(ids);
        for (Object[] r : rows("SELECT m.merged_external_id, " + columns + " FROM ent_user_merge m"
                + " JOIN ent_user u ON u.id = m.kept_id WHERE m.merged_external_id = ANY(string_to_array(?1, chr(31)))",
                list)) {
            people.put((String) r[0], person(r));
        }
        for (Object[] r : rows("SELECT u.external_id, " + columns + " FROM ent_user u"
                + " WHERE u.external_id = ANY(string_to_array(?1, chr(31)))", list)) {
            people.put((String) r[0], person(r));
        }
    }

    private static Person person(Object[] r) {
        return new Person(UUID.fromString((String) r[1]), Profile.valueOf((String) r[2]), (String) r[3],
                (String) r[4], r[5] == null ? null : LocalDate.parse((String) r[5]), (String) r[6],
                r[7] == null ? null : UUID.fromString((String) r[7]), Boolean.TRUE.equals(r[8]));
    }

    // ---- parents

    private void relative(Staged row) {
        String ext = AafKind.RELATIVE.externalId(row.id());
        if (row.op() == Operation.DELETE) {
            Person p = people.get(ext);
            if (p == null) {
                out.reject(em, row, "suppression d'un responsable absent de l'annuaire");
                return;
            }
            // A parent the feed no longer has: no child through the feed any more, out of every school.
            out.removed("lien", exec("DELETE FROM relative_link WHERE relative_id = CAST(?1 AS uuid)",
                    p.id().toString()));
            leave(p);
            return;
        }
        upsert(row, AafKind.RELATIVE, Profile.Relative);
        parentsDone.add(row.id());
    }

    /** The parent with this AAF id: known, or created from this import's PersRelEleve record; else null. */
    private UUID parent(String aafId) {
        String ext = AafKind.RELATIVE.externalId(aafId);
        if (parentsDone.add(aafId)) {
            for (Staged s : stagedParents.getOrDefault(aafId, List.of())) {
                upsert(s, AafKind.RELATIVE, Profile.Relative);
            }
        }
        Person p = people.get(ext);
        return p == null ? null : p.id();
    }

    // ---- pupils

    private void student(Staged row) {
        AafRecord r = row.record();
        if (row.op() == Operation.DELETE) {
            Person p = people.get(AafKind.STUDENT.externalId(row.id()));
            if (p == null) {
                out.reject(em, row, "suppression d'un élève absent de l'annuaire");
            } else {
                leave(p);
            }
            return;
        }
        Person p = upsert(row, AafKind.STUDENT, Profile.Student);
        if (p == null) {
            return;
        }
        boolean add = row.op() == Operation.ADD;
        if (add || r.has("ENTEleveClasses")) {
            syncClasses(p.id(), here(r.all("ENTEleveClasses"), 2, row));
        }
        if (add || r.has("ENTEleveGroupes")) {
            syncGroups(p.id(), here(r.all("ENTEleveGroupes"), 2, row));
        }
        if (add || r.has("ENTEleveMEF")) {
            Set<String> mef = new LinkedHashSet<>(r.all("ENTEleveMEF"));
            syncMef(p.id(), mef);
        }
        if (add || r.has("ENTElevePersRelEleve")) {
            Set<UUID> wanted = new LinkedHashSet<>();
            for (String v : r.all("ENTElevePersRelEleve")) {
                UUID parent = parent(head(v));
                if (parent == null) {
                    out.reject(em, row, "responsable " + head(v)
                            + " absent des fichiers et de l'annuaire : lien avec l'élève non créé");
                } else {
                    wanted.add(parent);
                }
            }
            syncParents(p.id(), wanted);
        }
        // A second record of the same pupil in this import (a delta's add, then its change) reads what this wrote.
        createdHere.remove(p.id());
    }

    private void syncParents(UUID student, Set<UUID> wanted) {
        // Only links the feed made: a link an administrator declared by hand (a parent without AAF identity) stays.
        Set<UUID> current = createdHere.contains(student) ? Set.of() : uuids("SELECT CAST(l.relative_id AS text)"
                + " FROM relative_link l JOIN ent_user u"
                + " ON u.id = l.relative_id WHERE l.student_id = CAST(?1 AS uuid) AND u.external_id LIKE ?2",
                student.toString(), AAF_PARENT);
        for (UUID parent : current) {
            if (!wanted.contains(parent)) {
                out.removed("lien", exec("DELETE FROM relative_link WHERE relative_id = CAST(?1 AS uuid)"
                        + " AND student_id = CAST(?2 AS uuid)", parent.toString(), student.toString()));
            }
        }
        for (UUID parent : wanted) {
            if (current.contains(parent)) {
                out.unchanged("lien");
            } else {
                insert(links, parent.toString(), student.toString());
                out.created("lien");
            }
        }
    }

    // ---- staff

    private void staff(Staged row) {
        AafRecord r = row.record();
        if (row.op() == Operation.DELETE) {
            Person p = people.get(AafKind.STAFF.externalId(row.id()));
            if (p == null) {
                out.reject(em, row, "suppression d'un personnel absent de l'annuaire");
            } else {
                leave(p);
            }
            return;
        }
        Person p = upsert(row, AafKind.STAFF, null);
        if (p == null) {
            return;
        }
        boolean add = row.op() == Operation.ADD;
        if (add || r.has("ENTAuxEnsClasses") || r.has("ENTAuxEnsClassesMatieres")) {
            Set<String> names = new LinkedHashSet<>(here(r.all("ENTAuxEnsClasses"), 2, row));
            names.addAll(here(r.all("ENTAuxEnsClassesMatieres"), 3, row));
            syncClasses(p.id(), names);
        }
        if (add || r.has("ENTAuxEnsGroupes") || r.has("ENTAuxEnsGroupesMatieres")) {
            Set<String> names = new LinkedHashSet<>(here(r.all("ENTAuxEnsGroupes"), 2, row));
            names.addAll(here(r.all("ENTAuxEnsGroupesMatieres"), 3, row));
            syncGroups(p.id(), names);
        }
        if (add || r.has("ENTAuxEnsClassesMatieres") || r.has("ENTAuxEnsGroupesMatieres")) {
            syncTeaching(p.id(), r, row);
        }
        if (add || r.has("ENTPersonFonctions")) {
            syncFunctions(p.id(), r.all("ENTPersonFonctions"), row);
        }
        if (add || r.has("ENTAuxEnsMEF")) {
            Set<String> mef = new LinkedHashSet<>();
            for (String v : r.all("ENTAuxEnsMEF")) {
                String[] parts = v.split("\\$", -1);
                if (parts.length >= 2 && key.equals(parts[0]) && !parts[1].isEmpty()) {
                    mef.add(parts[1]);
                }
            }
            syncMef(p.id(), mef);
        }
        createdHere.remove(p.id());
    }

    /**
     * A teacher is who stands before pupils ({@code PersEducNatPresenceDevantEleves} = O) or holds a teaching or
     * documentation function (ENS, DOC), as entcore decides; the others are Personnel.
     */
    static Profile staffProfile(AafRecord r) {
        if ("O".equalsIgnoreCase(r.first("PersEducNatPresenceDevantEleves"))) {
            return Profile.Teacher;
        }
        for (String f : r.all("ENTPersonFonctions")) {
            String[] parts = f.split("\\$", -1);
            if (parts.length >= 2 && ("ENS".equals(parts[1]) || "DOC".equals(parts[1]))) {
                return Profile.Teacher;
            }
        }
        return Profile.Personnel;
    }

    /** The subjects taught in classes, in groups, or both: only what the record gives (a delta may give one). */
    private void syncTeaching(UUID user, AafRecord r, Staged row) {
        for (String attribute : List.of("ENTAuxEnsClassesMatieres", "ENTAuxEnsGroupesMatieres")) {
            boolean ofClass = attribute.equals("ENTAuxEnsClassesMatieres");
            if (row.op() != Operation.ADD && !r.has(attribute)) {
                continue;
            }
            if (!createdHere.contains(user)) {
                exec("DELETE FROM teaching WHERE user_id = CAST(?1 AS uuid)"
                        + " AND structure_id = CAST(?2 AS uuid)"
                        + (ofClass ? " AND class_id IS NOT NULL" : " AND group_id IS NOT NULL"), user.toString(),
                        sid.toString());
            }
            for (String v : r.all(attribute)) {
                String[] parts = v.split("\\$", -1);
                if (parts.length != 3 || parts[1].isEmpty() || parts[2].isEmpty()) {
                    out.reject(em, row, attribute + " illisible : « " + v + " » (attendu structure$nom$matière)");
                    continue;
                }
                if (!key.equals(parts[0])) {
                    continue;
                }
                UUID target = ofClass ? classes.get(parts[1]) : groups.get(groupKey(parts[1]));
                if (target == null) {
                    continue; // a name refused above (too long) has already been reported
                }
                insert(teaching, user.toString(), sid.toString(), parts[2],
                        ofClass ? target.toString() : null, ofClass ? null : target.toString());
            }
        }
    }

    private void syncFunctions(UUID user, List<String> values, Staged row) {
        if (!createdHere.contains(user)) {
            exec("DELETE FROM staff_function WHERE user_id = CAST(?1 AS uuid)"
                    + " AND structure_id = CAST(?2 AS uuid)", user.toString(), sid.toString());
        }
        for (String v : values) {
            // structure$code$label$discipline code$discipline label; "-" when there is no such part
            String[] parts = v.split("\\$", -1);
            if (parts.length != 5 || parts[1].isEmpty() || "-".equals(parts[1])) {
                if (parts.length != 5) {
                    out.reject(em, row, "fonction illisible : « " + v + " » (attendu 5 parties séparées par $)");
                }
                continue;
            }
            if (!key.equals(parts[0])) {
                continue;
            }
            String discipline = "-".equals(parts[3]) ? "" : parts[3];
            insert(functions, user.toString(), sid.toString(), parts[1], parts[2], discipline,
                    discipline.isEmpty() || "-".equals(parts[4]) ? null : parts[4]);
            out.counts.merge("fonction.written", 1, Integer::sum);
        }
    }

    // ---- people

    /**
     * Creates the person or brings their details up to date; null if the record is rejected. What a record does
     * not give (a delta's modification of the name only) keeps what the directory has. {@code profile} null: the
     * staff rule decides ({@link #staffProfile}).
     */
    private Person upsert(Staged row, AafKind kind, Profile profile) {
        AafRecord r = row.record();
        String ext = kind.externalId(row.id());
        Person existing = people.get(ext);
        if (existing == null && row.op() == Operation.MODIFY) {
            out.reject(em, row, "modification d'une personne absente de l'annuaire (jamais reçue en ajout)");
            return null;
        }
        String last = r.has("sn") ? Text.trimToNull(r.first("sn")) : existing == null ? null : existing.lastName();
        String first = r.has("givenName") ? Text.trimToNull(r.first("givenName"))
                : existing == null ? null : existing.firstName();
        if (last == null) {
            out.reject(em, row, "nom (sn) manquant");
            return null;
        }
        if (first == null) {
            out.reject(em, row, "prénom (givenName) manquant");
            return null;
        }
        if (last.length() > 100 || first.length() > 100) {
            out.reject(em, row, "nom ou prénom de plus de 100 caractères");
            return null;
        }
        LocalDate birth = existing == null ? null : existing.birthDate();
        if (r.has("ENTPersonDateNaissance")) {
            String text = r.first("ENTPersonDateNaissance");
            try {
                birth = text == null ? null : LocalDate.parse(text, AAF_DATE);
            } catch (DateTimeParseException e) {
                out.reject(em, row, "date de naissance illisible : « " + text + " » (attendu JJ/MM/AAAA)");
                return null;
            }
        }
        String email = existing == null ? null : existing.email();
        if (r.has("mail")) {
            String m = Text.trimToNull(r.first("mail"));
            email = m != null && m.length() <= 254 && m.indexOf('@') > 0 ? m : null;
        }
        Profile p = profile != null ? profile
                : existing != null && !r.has("PersEducNatPresenceDevantEleves") && !r.has("ENTPersonFonctions")
                        ? existing.profile() : staffProfile(r);
        String what = what(kind);
        if (existing == null) {
            UUID id = UUID.randomUUID();
            insert(users, id.toString(), ext,
                    p.name(), last, first, birth == null ? null : birth.toString(), email, sid.toString(),
                    Text.searchKey(last, first));
            Person created = new Person(id, p, last, first, birth, email, sid, false);
            people.put(ext, created);
            createdHere.add(id);
            out.created(what);
            return created;
        }
        UUID structure = existing.structureId();
        if (structure == null || (kind == AafKind.STUDENT && !structure.equals(sid))) {
            // A pupil belongs to one school: the one that names them now. Their classes elsewhere end.
            if (structure != null) {
                leaveOtherSchools(existing.id());
            }
            structure = sid;
        } else if (!structure.equals(sid)) {
            // Staff of several schools, a parent with children in several: one person, attached to each.
            exec("INSERT INTO ent_user_attachment (user_id, structure_id) VALUES (CAST(?1 AS uuid),"
                    + " CAST(?2 AS uuid)) ON CONFLICT DO NOTHING", existing.id().toString(), sid.toString());
        }
        // Named again by the feed: the person has the right again (ADR 0042), in the same statement.
        Person now = new Person(existing.id(), p, last, first, birth, email, structure, false);
        if (now.equals(existing)) {
            out.unchanged(what);
            return now;
        }
        exec("UPDATE ent_user SET profile = ?2, last_name = ?3, first_name = ?4, birth_date = CAST(?5 AS date),"
                + " email = CAST(?6 AS text), structure_id = CAST(?7 AS uuid), search_key = ?8, rights_lost_at = NULL"
                + " WHERE id = CAST(?1 AS uuid)", existing.id().toString(), p.name(), last, first,
                birth == null ? null : birth.toString(), email, structure.toString(), Text.searchKey(last, first));
        people.put(ext, now);
        if (existing.lost()) {
            out.counts.merge("droit.retrouve", 1, Integer::sum);
        }
        out.updated(what);
        return now;
    }

    /**
     * What a delete does: the person leaves every school of the collectivity (classes, groups, functions, subjects,
     * MEF, attachments; no main school any more) and is marked as having lost the right ({@link AafRights}); their
     * account, their own data and their links to hand-declared relatives stay until tenant-manager's end-of-rights
     * job erases them after the delay. Nothing is erased by the feed itself.
     */
    private void leave(Person p) {
        String id = p.id().toString();
        int n = exec("DELETE FROM class_member WHERE user_id = CAST(?1 AS uuid)", id)
                + exec("DELETE FROM group_member WHERE user_id = CAST(?1 AS uuid) AND group_id IN"
                        + " (SELECT g.id FROM ent_group g WHERE g.type = 'TEACHING' AND g.external_id IS NOT NULL)", id)
                + exec("DELETE FROM teaching WHERE user_id = CAST(?1 AS uuid)", id)
                + exec("DELETE FROM staff_function WHERE user_id = CAST(?1 AS uuid)", id)
                + exec("DELETE FROM user_mef WHERE user_id = CAST(?1 AS uuid)", id)
                + exec("DELETE FROM ent_user_attachment WHERE user_id = CAST(?1 AS uuid)", id);
        exec("UPDATE ent_user SET structure_id = NULL WHERE id = CAST(?1 AS uuid)", id);
        out.removed(what(p.profile()), 1);
        out.removed("rattachement", n);
        out.counts.merge("droit.perdu", AafRights.lose(em, p.id()), Integer::sum);
    }

    private void leaveOtherSchools(UUID user) {
        String id = user.toString();
        String s = sid.toString();
        out.removed("rattachement", exec("DELETE FROM class_member WHERE user_id = CAST(?1 AS uuid) AND class_id"
                + " IN (SELECT c.id FROM school_class c WHERE c.structure_id <> CAST(?2 AS uuid))", id, s)
                + exec("DELETE FROM group_member WHERE user_id = CAST(?1 AS uuid) AND group_id IN (SELECT g.id"
                        + " FROM ent_group g WHERE g.type = 'TEACHING' AND g.structure_id <> CAST(?2 AS uuid))", id, s)
                + exec("DELETE FROM user_mef WHERE user_id = CAST(?1 AS uuid)"
                        + " AND structure_id <> CAST(?2 AS uuid)", id, s));
    }

    // ---- classes, groups, MEF

    /** The names of a list of {@code structure$name[$...]} values that are of this structure. */
    private List<String> here(List<String> values, int parts, Staged row) {
        List<String> names = new ArrayList<>();
        for (String v : values) {
            String[] p = v.split("\\$", -1);
            if (p.length != parts || p[1].isBlank()) {
                out.reject(em, row, "valeur illisible : « " + v + " » (attendu " + parts + " parties séparées par $)");
                continue;
            }
            if (!key.equals(p[0])) {
                continue; // another structure's: applied with that structure's records
            }
            String name = p[1].strip();
            if (name.length() > 100) {
                out.reject(em, row, "nom de classe ou de groupe de plus de 100 caractères : « " + name + " »");
                continue;
            }
            names.add(name);
        }
        return names;
    }

    private void syncClasses(UUID user, java.util.Collection<String> names) {
        Set<UUID> wanted = new LinkedHashSet<>();
        for (String name : names) {
            wanted.add(classes.computeIfAbsent(name, n -> {
                UUID id = UUID.randomUUID();
                insert(newClasses, id.toString(), sid.toString(), n);
                out.created("classe");
                return id;
            }));
        }
        Set<UUID> current = createdHere.contains(user) ? Set.of() : uuids("SELECT CAST(m.class_id AS text)"
                + " FROM class_member m JOIN school_class c"
                + " ON c.id = m.class_id WHERE m.user_id = CAST(?1 AS uuid) AND c.structure_id = CAST(?2 AS uuid)",
                user.toString(), sid.toString());
        sync(current, wanted, "class_member", "class_id", user, "inscription-classe");
    }

    private void syncGroups(UUID user, java.util.Collection<String> names) {
        Set<UUID> wanted = new LinkedHashSet<>();
        for (String name : names) {
            wanted.add(groups.computeIfAbsent(groupKey(name), k -> {
                UUID id = UUID.randomUUID();
                insert(newGroups, id.toString(), sid.toString(), name, k);
                out.created("groupe");
                return id;
            }));
        }
        Set<UUID> current = createdHere.contains(user) ? Set.of() : uuids("SELECT CAST(m.group_id AS text)"
                + " FROM group_member m JOIN ent_group g"
                + " ON g.id = m.group_id WHERE m.user_id = CAST(?1 AS uuid) AND g.structure_id = CAST(?2 AS uuid)"
                + " AND g.type = 'TEACHING' AND g.external_id IS NOT NULL", user.toString(), sid.toString());
        sync(current, wanted, "group_member", "group_id", user, "inscription-groupe");
    }

    private String groupKey(String name) {
        return "aaf:" + key + "$" + name;
    }

    private void sync(Set<UUID> current, Set<UUID> wanted, String table, String column, UUID user, String what) {
        for (UUID id : current) {
            if (!wanted.contains(id)) {
                out.removed(what, exec("DELETE FROM " + table + " WHERE " + column + " = CAST(?1 AS uuid)"
                        + " AND user_id = CAST(?2 AS uuid)", id.toString(), user.toString()));
            }
        }
        for (UUID id : wanted) {
            if (current.contains(id)) {
                out.unchanged(what);
            } else {
                insert("class_member".equals(table) ? classMembers : groupMembers, id.toString(), user.toString());
                out.created(what);
            }
        }
    }

    private void syncMef(UUID user, Set<String> codes) {
        if (!createdHere.contains(user)) {
            Set<String> current = new HashSet<>();
            rows("SELECT mef_code FROM user_mef WHERE user_id = CAST(?1 AS uuid)"
                    + " AND structure_id = CAST(?2 AS uuid)", user.toString(), sid.toString())
                    .forEach(r -> current.add((String) r[0]));
            if (current.equals(codes)) {
                return;
            }
            exec("DELETE FROM user_mef WHERE user_id = CAST(?1 AS uuid) AND structure_id = CAST(?2 AS uuid)",
                    user.toString(), sid.toString());
        }
        for (String code : codes) {
            insert(mefs, user.toString(), sid.toString(), code);
        }
    }

    private Set<UUID> uuids(String sql, Object... params) {
        Set<UUID> ids = new LinkedHashSet<>();
        rows(sql, params).forEach(r -> ids.add(UUID.fromString((String) r[0])));
        return ids;
    }

    private static String head(String value) {
        int dollar = value.indexOf('$');
        return dollar < 0 ? value : value.substring(0, dollar);
    }

    private static String what(AafKind kind) {
        return switch (kind) {
            case STUDENT -> "eleve";
            case RELATIVE -> "responsable";
            default -> "personnel";
        };
    }

    private static String what(Profile profile) {
        return switch (profile) {
            case Student -> "eleve";
            case Relative -> "responsable";
            default -> "personnel";
        };
    }
}
