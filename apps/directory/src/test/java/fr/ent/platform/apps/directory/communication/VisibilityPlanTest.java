package fr.ent.platform.apps.directory.communication;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.apps.directory.Text;
import fr.ent.platform.apps.directory.service.DirectoryDatabase;
import fr.ent.platform.runtime.communication.Recipient;
import fr.ent.platform.testing.database.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The visibility query's plan on a seeded collectivity (25 schools of 5 classes: about 4,900 people and 17,000
 * memberships, statistics up to date): PostgreSQL must start from the sender's memberships and reach people by
 * their keys, never read every person or every membership. That is what keeps the answer bounded by the sender's
 * school however large the collectivity (docs/adr/0017-communication-rules.md).
 */
class VisibilityPlanTest {

    private static final int SCHOOLS = 25;
    private static final int CLASSES = 5;
    private static final int PUPILS = 20;

    private static DirectoryDatabase db;
    private static Visibility visibility;
    private static final List<UUID> TEACHERS = new ArrayList<>();
    private static final List<UUID> PUPILS_SEEN = new ArrayList<>();
    private static final List<UUID> PARENTS = new ArrayList<>();

    @BeforeAll
    static void aCollectivityOfSomeThousandPeople() throws SQLException {
        db = DirectoryDatabase.fresh();
        visibility = new Visibility();
        visibility.data = db.data();
        List<UUID> schools = new ArrayList<>();
        try (Connection c = TestDatabase.shared().dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL search_path TO " + db.schema);
            }
            try (PreparedStatement school = c.prepareStatement("INSERT INTO structure (id, uai, name, type,"
                    + " education_level) VALUES (?, ?, ?, 'ECOLE', '1D')");
                    PreparedStatement schoolClass = c.prepareStatement(
                            "INSERT INTO school_class (id, structure_id, name) VALUES (?, ?, ?)");
                    PreparedStatement user = c.prepareStatement("INSERT INTO ent_user (id, profile, last_name,"
                            + " first_name, structure_id, search_key) VALUES (?, ?, ?, ?, ?, ?)");
                    PreparedStatement member = c.prepareStatement(
                            "INSERT INTO class_member (class_id, user_id) VALUES (?, ?)");
                    PreparedStatement family = c.prepareStatement(
                            "INSERT INTO relative_link (relative_id, student_id) VALUES (?, ?)")) {
                int n = 0;
                for (int s = 0; s < SCHOOLS; s++) {
                    UUID schoolId = UUID.randomUUID();
                    schools.add(schoolId);
                    school.setObject(1, schoolId);
                    school.setString(2, String.format("%07d", 1_000_000 + s) + "A");
                    school.setString(3, "École " + s);
                    school.executeUpdate();
                    for (int k = 0; k < 5; k++) {
                        add(user, UUID.randomUUID(), "Personnel", "Agent" + s + "x" + k, schoolId);
                    }
                    for (int k = 0; k < CLASSES; k++) {
                        UUID classId = UUID.randomUUID();
                        schoolClass.setObject(1, classId);
                        schoolClass.setObject(2, schoolId);
                        schoolClass.setString(3, "Classe " + k);
                        schoolClass.executeUpdate();
                        UUID teacher = UUID.randomUUID();
                        add(user, teacher, "Teacher", "Professeur" + s + "x" + k, schoolId);
                        join(member, classId, teacher);
                        if (k == 0) {
                            TEACHERS.add(teacher);
                        }
                        for (int p = 0; p < PUPILS; p++) {
                            UUID pupil = UUID.randomUUID();
                            UUID parent = UUID.randomUUID();
                            String last = "Nom" + (n++);
                            add(user, pupil, "Student", last, schoolId);
                            add(user, parent, "Relative", last, schoolId);
                            join(member, classId, pupil);
                            family.setObject(1, parent);
                            family.setObject(2, pupil);
                            family.addBatch();
                            if (k == 0 && p == 0) {
                                PUPILS_SEEN.add(pupil);
                                PARENTS.add(parent);
                            }
                        }
                    }
                }
                user.executeBatch();
                member.executeBatch();
                family.executeBatch();
            }
            c.commit();
        }
        db.inTransaction(em -> {
            schools.forEach(s -> ProfileGroups.sync(em, s, false));
            return null;
        });
        try (Connection c = TestDatabase.shared().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE " + db.schema + ".ent_user, " + db.schema + ".group_member, " + db.schema
                    + ".communication_link, " + db.schema + ".relative_link, " + db.schema + ".ent_group");
        }
    }

    private static void add(PreparedStatement user, UUID id, String profile, String lastName, UUID school)
            throws SQLException {
        user.setObject(1, id);
        user.setString(2, profile);
        user.setString(3, lastName);
        user.setString(4, "Prénom");
        user.setObject(5, school);
        user.setString(6, Text.searchKey(lastName, "Prénom"));
        user.addBatch();
    }

    private static void join(PreparedStatement member, UUID classId, UUID user) throws SQLException {
        member.setObject(1, classId);
        member.setObject(2, user);
        member.addBatch();
    }

    @Test
    void theQueryStartsFromTheSendersMembershipsAndReadsPeopleByKey() {
        for (UUID sender : List.of(TEACHERS.get(7), PUPILS_SEEN.get(3), PARENTS.get(11))) {
            for (List<String> words : List.of(List.<String>of(), List.of("nom1"))) {
                String plan = plan(sender, words);
                if (sender.equals(TEACHERS.get(7)) && !words.isEmpty()) {
                    System.out.println(plan); // the record of one plan, with its timings, in the test's output
                }
                assertThat(plan).as(plan)
                        .contains("group_member_user", "communication_link_pkey", "group_member_pkey",
                                "ent_user_pkey")
                        .doesNotContain("Seq Scan")
                        .doesNotContain("Seq Scan on group_member");
            }
        }
    }

    @Test
    void aTeacherReachesTheirSchoolOnly() {
        UUID teacher = TEACHERS.get(7);
        var page = visibility.visible(teacher, "", 100, 0);
        // their class's pupils and their parents, the school's other teachers and personnel, and those 4 groups
        assertThat(page.items()).filteredOn(r -> r.kind() == Recipient.Kind.USER).hasSize(2 * PUPILS + 4 + 5);
        assertThat(page.items()).filteredOn(r -> r.kind() == Recipient.Kind.GROUP).hasSize(4);
        assertThat(page.more()).isFalse();
        for (int i = 0; i < 20; i++) {
            visibility.visible(teacher, "nom", 20, 0); // warm-up: JIT, EclipseLink's prepared queries
        }
        long started = System.nanoTime();
        int runs = 50;
        for (int i = 0; i < runs; i++) {
            visibility.visible(teacher, "nom", 20, 0);
        }
        System.out.printf("visible(): %.2f ms per call (%d people, 20 per page, EclipseLink outside Liberty)%n",
                (System.nanoTime() - started) / 1e6 / runs, SCHOOLS * (5 + CLASSES * (1 + 2 * PUPILS)));
    }

    @Test
    void theGroupsQueryIsIndexLookupsToo() {
        String plan = db.inTransaction(em -> {
            Visibility.inSchema(em);
            StringBuilder text = new StringBuilder();
            for (Object line : em.createNativeQuery("EXPLAIN " + Visibility.GROUPS).setParameter(1, TEACHERS.get(3))
                    .getResultList()) {
                text.append(line).append('\n');
            }
            return text.toString();
        });
        assertThat(plan).as(plan).contains("group_member_user", "communication_link_pkey").doesNotContain("Seq Scan");
    }

    private static String plan(UUID sender, List<String> words) {
        return db.inTransaction(em -> {
            Visibility.inSchema(em);
            var query = em.createNativeQuery("EXPLAIN (ANALYZE, BUFFERS) " + Visibility.peopleQuery(words.size())
                    + " ORDER BY u.search_key, u.id LIMIT 21");
            Visibility.bind(query, sender, words);
            StringBuilder text = new StringBuilder();
            for (Object line : query.getResultList()) {
                text.append(line).append('\n');
            }
            return text.toString();
        });
    }
}
