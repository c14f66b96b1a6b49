package fr.ent.platform.apps.directory.communication;

import fr.ent.platform.apps.directory.Profile;
import fr.ent.platform.apps.directory.communication.SchoolSnapshot.Pair;
import fr.ent.platform.apps.directory.communication.SchoolSnapshot.Person;
import fr.ent.platform.apps.directory.communication.SchoolSnapshot.ProfileGroup;
import fr.ent.platform.apps.directory.model.CommunicationLink;
import fr.ent.platform.apps.directory.model.CommunicationSetting;
import fr.ent.platform.apps.directory.model.EntGroup;
import fr.ent.platform.apps.directory.model.GroupMember;
import fr.ent.platform.apps.directory.model.GroupType;
import fr.ent.platform.apps.directory.model.Structure;
import fr.ent.platform.apps.directory.sql.Sql;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps a school's profile groups and default rules in step with its directory, inside the caller's transaction:
 * reads the school ({@link SchoolSnapshot}), plans ({@link ProfileGroupsReconciliation}, pure) and writes the plan.
 * Called by every change of the directory that moves people between schools, classes or families (declarations,
 * BE1D imports, new classes) and by the rules API.
 */
public final class ProfileGroups {

    private ProfileGroups() {
    }

    /** Brings the school's profile groups up to date; {@code allDefaults} also restores every missing default rule. */
    public static ProfileGroupsPlan sync(EntityManager em, UUID structureId, boolean allDefaults) {
        // One sync of a school at a time: two declarations in parallel would both plan the same memberships from
        // the same reading and the second would fail on group_member's key (a 500). The lock holds until commit;
        // the reading below, taken after it, sees what the first one wrote (read committed).
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "profile-groups:"
                + structureId).getSingleResult();
        Structure school = em.find(Structure.class, structureId);
        if (school == null) {
            return new ProfileGroupsPlan(List.of(), java.util.Set.of(), java.util.Set.of(), java.util.Set.of(),
                    java.util.Set.of(), false);
        }
        ProfileGroupsPlan plan = ProfileGroupsReconciliation.plan(snapshot(em, school), allDefaults,
                UUID::randomUUID);
        write(em, school, plan);
        return plan;
    }

    static SchoolSnapshot snapshot(EntityManager em, Structure school) {
        UUID s = school.id();
        // Plain rows on the unit of work's connection (Sql): a school's thousands of people and memberships stay
        // out of the persistence context, which every later flush of the transaction walks, and out of
        // EclipseLink's row building (France import bench, ADR 0051). The flush first: plain reads do not see
        // entities still waiting in the unit of work (a declaration's new person, a new class).
        em.flush();
        var classes = Sql.rows(em, "SELECT id, name FROM school_class WHERE structure_id = ?1 ORDER BY name, id", s)
                .stream().map(c -> new SchoolSnapshot.SchoolClass((UUID) c[0], (String) c[1])).toList();
        // their school's people, and those a merge attached to it (ADR 0025)
        var people = Sql.rows(em, """
                        SELECT u.id, u.profile FROM ent_user u
                         WHERE u.structure_id = ?1
                            OR u.id IN (SELECT a.user_id FROM ent_user_attachment a WHERE a.structure_id = ?1)""", s)
                .stream().map(row -> new Person((UUID) row[0], Profile.valueOf((String) row[1]))).toList();
        var classMembers = pairs(em, """
                        SELECT m.class_id, m.user_id FROM class_member m
                         WHERE m.class_id IN (SELECT c.id FROM school_class c WHERE c.structure_id = ?1)""", s);
        var parents = pairs(em, """
                        SELECT l.relative_id, l.student_id FROM relative_link l
                         WHERE l.student_id IN (SELECT u.id FROM ent_user u WHERE u.structure_id = ?1 AND u.profile = ?2)""",
                        s, Profile.Student.name());
        List<EntGroup> groups = em.createQuery("""
                        SELECT g FROM EntGroup g WHERE g.structureId = :s AND g.type = :t
                         ORDER BY g.createdAt, g.id""", EntGroup.class)
                .setParameter("s", s).setParameter("t", GroupType.PROFILE).getResultList();
        var profileGroups = groups.stream().flatMap(g -> profile(g.profile())
                .map(p -> new ProfileGroup(g.id(), g.classId(), p)).stream()).toList();
        var members = pairs(em, """
                        SELECT m.group_id, m.user_id FROM group_member m WHERE m.group_id IN
                          (SELECT g.id FROM ent_group g WHERE g.structure_id = ?1 AND g.type = ?2)""",
                        s, GroupType.PROFILE.name());
        var links = pairs(em, """
                        SELECT l.from_group_id, l.to_group_id FROM communication_link l WHERE l.from_group_id IN
                          (SELECT g.id FROM ent_group g WHERE g.structure_id = ?1)""", s);
        Optional<Boolean> pupilsTalk = Optional.ofNullable(em.find(CommunicationSetting.class, s))
                .map(CommunicationSetting::pupilsTalk);
        return new SchoolSnapshot(s, school.name(), classes, people, new HashSet<>(classMembers),
                new HashSet<>(parents), profileGroups, new HashSet<>(members), new HashSet<>(links), pupilsTalk);
    }

    private static List<Pair> pairs(EntityManager em, String sql, Object... params) {
        return Sql.rows(em, sql, params).stream().map(r -> new Pair((UUID) r[0], (UUID) r[1])).toList();
    }

    /** Flushed in foreign-key order: groups before their members and rules (the mapping has no relationships). */
    private static void write(EntityManager em, Structure school, ProfileGroupsPlan plan) {
        if (plan.isEmpty()) {
            return;
        }
        plan.newGroups().forEach(g -> em.persist(new EntGroup(g.id(), school.id(), g.classId(), g.name(),
                GroupType.PROFILE, g.profile().name())));
        if (plan.firstApplication()) {
            em.persist(new CommunicationSetting(school.id(), false));
        }
        em.flush();
        for (Pair m : plan.membersToRemove()) {
            GroupMember row = em.find(GroupMember.class, new GroupMember.Key(m.first(), m.second()));
            if (row != null) {
                em.remove(row);
            }
        }
        for (Pair l : plan.linksToRemove()) {
            CommunicationLink row = em.find(CommunicationLink.class, new CommunicationLink.Key(l.first(), l.second()));
            if (row != null) {
                em.remove(row);
            }
        }
        em.flush();
        insertPairs(em, "group_member (group_id, user_id)", plan.membersToAdd());
        plan.linksToAdd().forEach(l -> em.persist(new CommunicationLink(l.first(), l.second())));
        em.flush();
    }

    /**
     * New rows of a two-uuid table in ONE statement ({@code unnest} of two arrays), on the unit of work's own
     * connection (its transaction, role and schema), after the flush above wrote the groups they name. A school's
     * import adds thousands of memberships at once: as entities they went one INSERT each (a batch of a hundred
     * with batch writing) and were most of a structure's AAF import (ADR 0051). They are not entities of this
     * persistence context afterwards: a later read in the transaction gets them from the database.
     */
    private static void insertPairs(EntityManager em, String table, java.util.Collection<Pair> pairs) {
        if (pairs.isEmpty()) {
            return;
        }
        UUID[] first = new UUID[pairs.size()];
        UUID[] second = new UUID[pairs.size()];
        int i = 0;
        for (Pair p : pairs) {
            first[i] = p.first();
            second[i++] = p.second();
        }
        Connection c = em.unwrap(Connection.class);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table
                + " SELECT * FROM unnest(CAST(? AS uuid[]), CAST(? AS uuid[]))")) {
            ps.setArray(1, c.createArrayOf("uuid", first));
            ps.setArray(2, c.createArrayOf("uuid", second));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("profile groups: " + table + " not written: " + e.getMessage(), e);
        }
    }

    private static Optional<Profile> profile(String text) {
        return Arrays.stream(Profile.values()).filter(p -> p.name().equals(text)).findFirst();
    }

    /** The schools of these people (to bring their groups up to date after a change of them). */
    public static List<UUID> schoolsOf(EntityManager em, java.util.Collection<UUID> users) {
        if (users.isEmpty()) {
            return List.of();
        }
        List<UUID> schools = new java.util.ArrayList<>(em.createQuery("SELECT DISTINCT u.structureId FROM EntUser u"
                + " WHERE u.id IN :ids AND u.structureId IS NOT NULL", UUID.class)
                .setParameter("ids", List.copyOf(users)).getResultList());
        em.createQuery("SELECT DISTINCT a.structureId FROM UserAttachment a WHERE a.userId IN :ids", UUID.class)
                .setParameter("ids", List.copyOf(users)).getResultList().stream()
                .filter(s -> !schools.contains(s)).forEach(schools::add);
        return schools;
    }
}
