package fr.ent.platform.bench;

import static fr.ent.platform.bench.Bench.say;

import fr.ent.platform.apps.directory.DirectoryApp;
import fr.ent.platform.apps.directory.DirectoryData;
import fr.ent.platform.apps.directory.Text;
import fr.ent.platform.apps.directory.communication.ProfileGroups;
import fr.ent.platform.apps.directory.communication.Visibility;
import fr.ent.platform.local.EmbeddedDatabase;
import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenancy.TenantSchemaMigrator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.eclipse.persistence.config.PersistenceUnitProperties;

/**
 * The recipient search of the communication rules (issue 14: "whom may I write to, matching 'dur'", p99 under 50 ms
 * server time in a collectivity of 100,000 people). One collectivity schema migrated by the directory's own
 * migrations on embedded PostgreSQL, seeded with {@code bench.vis.schools} écoles of 500 people (10 classes of 24
 * pupils, a teacher per class, a parent per pupil, 10 personnel; 200 schools = 100,000 people), profile groups and
 * default rules made by the directory's own {@link ProfileGroups#sync}, statistics up to date. Then
 * {@code bench.vis.requests} calls of {@link Visibility#visible} (the service behind {@code GET
 * /api/directory/communication/visible}, in a read-only transaction as the collectivity's role, as TenantData runs it)
 * by random senders of every profile, half opening the picker (no text), half typing three letters of a name; one
 * thread, after a warm-up. Service time, without HTTP and JAX-RS (EclipseLink outside Liberty, the same code).
 */
public final class VisibilityBench {

    private static final String[] NAMES = {"Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand",
        "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel",
        "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefèvre",
        "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand",
        "Gauthier", "Garcia", "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu",
        "Gautier", "Masson"};
    private static final String[] FIRST = {"Léa", "Hugo", "Chloé", "Louis", "Emma", "Gabriel", "Jade", "Arthur",
        "Louise", "Jules", "Alice", "Raphaël", "Inès", "Adam", "Lina", "Maël", "Rose", "Paul", "Anna", "Nathan"};

    enum Kind { Teacher, Student, Relative, Personnel }

    private VisibilityBench() {
    }

    public static void main(String[] args) throws Exception {
        int schools = Bench.intProperty("bench.vis.schools", 200);
        int requests = Bench.intProperty("bench.vis.requests", 2000);
        say("VisibilityBench: " + schools + " schools of 500 people, " + requests + " requests; " + Bench.machineLine());
        Path pgdata = Files.createTempDirectory("vis-bench-pg");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(pgdata, Bench.freePort())) {
            run(database.dataSource(), schools, requests);
        } finally {
            Bench.deleteTree(pgdata);
        }
    }

    private static void run(DataSource db, int schools, int requests) throws SQLException {
        String schema = "t_visbench";
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + schema);
            s.execute("CREATE SCHEMA " + schema + " AUTHORIZATION " + schema);
        }
        new TenantSchemaMigrator(db, List.of(DirectoryApp.ID), VisibilityBench.class.getClassLoader())
                .migrate(new TenantNames(schema, schema));
        EntityManagerFactory unit = Persistence.createEntityManagerFactory(DirectoryApp.ID, Map.of(
                PersistenceUnitProperties.NON_JTA_DATASOURCE, db,
                PersistenceUnitProperties.WEAVING, "false",
                PersistenceUnitProperties.BATCH_WRITING, "JDBC"));
        DirectoryData data = new DirectoryData() {
            @Override
            public <T> T read(Function<EntityManager, T> work) {
                return inTransaction(unit, schema, work, true);
            }

            @Override
            public <T> T write(Function<EntityManager, T> work) {
                return inTransaction(unit, schema, work, false);
            }
        };
        long t0 = System.nanoTime();
        Map<Kind, List<UUID>> senders = seed(db, schema, schools);
        long seeded = System.nanoTime();
        List<UUID> schoolIds = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM " + schema + ".structure")) {
            while (rs.next()) {
                schoolIds.add(rs.getObject(1, UUID.class));
            }
        }
        for (UUID school : schoolIds) {
            data.write(em -> ProfileGroups.sync(em, school, false));
        }
        long synced = System.nanoTime();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE " + schema + ".ent_user, " + schema + ".group_member, " + schema
                    + ".communication_link, " + schema + ".relative_link, " + schema + ".ent_group");
        }
        String counts = counts(db, schema);
        say("Seeded in " + (seeded - t0) / 1_000_000 + " ms, profile groups synced in " + (synced - seeded) / 1_000_000
                + " ms (" + schoolIds.size() + " schools): " + counts);

        Visibility visibility = new Visibility(data);
        Random random = new Random(42);
        for (int i = 0; i < Math.min(500, requests); i++) {
            call(visibility, senders, random, null);
        }
        Map<Kind, List<Long>> byKind = new EnumMap<>(Kind.class);
        Map<String, List<Long>> byQuery = new LinkedHashMap<>();
        List<Long> all = new ArrayList<>();
        double loadBefore = Bench.load();
        for (int i = 0; i < requests; i++) {
            call(visibility, senders, random, (kind, typed, nanos) -> {
                byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(nanos);
                byQuery.computeIfAbsent(typed ? "three letters" : "no text", k -> new ArrayList<>()).add(nanos);
                all.add(nanos);
            });
        }
        double loadAfter = Bench.load();

        StringBuilder md = new StringBuilder();
        md.append("### Recipient search (communication rules), ").append(Bench.now()).append("\n\n");
        md.append(Bench.machineLine()).append("; load(1m) ").append(Bench.fmt(loadBefore, 1)).append(" → ")
                .append(Bench.fmt(loadAfter, 1)).append(".\n\n");
        md.append("One collectivity: ").append(counts).append(". Seeding (JDBC) ").append((seeded - t0) / 1_000_000)
                .append(" ms; profile groups and default rules by `ProfileGroups.sync`, one transaction per school: ")
                .append((synced - seeded) / 1_000_000).append(" ms in all.\n\n");
        md.append("`Visibility.visible(sender, q, 20, 0)`, one thread, ").append(requests)
                .append(" calls after 500 of warm-up (ms):\n\n");
        md.append("| senders | calls | p50 | p90 | p99 | max |\n|---|---|---|---|---|---|\n");
        row(md, "all", all);
        byKind.forEach((kind, values) -> row(md, kind.name(), values));
        byQuery.forEach((query, values) -> row(md, query, values));
        md.append("\nPlans (EXPLAIN ANALYZE), a personnel member opening the picker (reaches the whole school)"
                + " and a teacher typing \"dur\":\n\n```\n");
        md.append(explain(unit, schema, senders.get(Kind.Personnel).get(0), ""));
        md.append("\n");
        md.append(explain(unit, schema, senders.get(Kind.Teacher).get(0), "dur"));
        md.append("```\n");
        say(md.toString());
        var json = Bench.object().add("benchmark", "VisibilityBench").add("machine", Bench.machine())
                .add("schools", schools).add("requests", requests)
                .add("p50Ms", ms(Bench.percentile(toArray(all), 50))).add("p99Ms", ms(Bench.percentile(toArray(all), 99)));
        Bench.writeResults("visibility", json.build(), md.toString());
        unit.close();
    }

    interface Sample {
        void record(Kind kind, boolean typed, long nanos);
    }

    private static void call(Visibility visibility, Map<Kind, List<UUID>> senders, Random random, Sample sample) {
        Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
        List<UUID> pool = senders.get(kind);
        UUID sender = pool.get(random.nextInt(pool.size()));
        boolean typed = random.nextBoolean();
        String q = typed ? Text.fold(NAMES[random.nextInt(NAMES.length)]).substring(0, 3) : "";
        long start = System.nanoTime();
        visibility.visible(sender, q, 20, 0);
        long nanos = System.nanoTime() - start;
        if (sample != null) {
            sample.record(kind, typed, nanos);
        }
    }

    /** As TenantData: one transaction as the collectivity's role, read-only for reads. */
    private static <T> T inTransaction(EntityManagerFactory unit, String schema, Function<EntityManager, T> work,
            boolean readOnly) {
        EntityManager em = unit.createEntityManager(Map.of(PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT,
                schema));
        try {
            em.getTransaction().begin();
            if (readOnly) {
                em.createNativeQuery("SET TRANSACTION READ ONLY").executeUpdate();
            }
            em.createNativeQuery("SET LOCAL ROLE " + TenantNames.quote(schema)).executeUpdate();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    private static Map<Kind, List<UUID>> seed(DataSource db, String schema, int schools) throws SQLException {
        Map<Kind, List<UUID>> senders = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            senders.put(k, new ArrayList<>());
        }
        Random random = new Random(7);
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL search_path TO " + schema);
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
                for (int s = 0; s < schools; s++) {
                    UUID schoolId = UUID.randomUUID();
                    school.setObject(1, schoolId);
                    school.setString(2, String.format("%07d", 1_000_000 + s) + "A");
                    school.setString(3, "École " + s);
                    school.executeUpdate();
                    for (int k = 0; k < 10; k++) {
                        senders.get(Kind.Personnel).add(person(user, random, "Personnel", schoolId));
                    }
                    for (int k = 0; k < 10; k++) {
                        UUID classId = UUID.randomUUID();
                        schoolClass.setObject(1, classId);
                        schoolClass.setObject(2, schoolId);
                        schoolClass.setString(3, "Classe " + k);
                        schoolClass.executeUpdate();
                        UUID teacher = person(user, random, "Teacher", schoolId);
                        senders.get(Kind.Teacher).add(teacher);
                        pair(member, classId, teacher);
                        for (int p = 0; p < 24; p++) {
                            UUID pupil = person(user, random, "Student", schoolId);
                            UUID parent = person(user, random, "Relative", schoolId);
                            senders.get(Kind.Student).add(pupil);
                            senders.get(Kind.Relative).add(parent);
                            pair(member, classId, pupil);
                            pair(family, parent, pupil);
                        }
                    }
                    user.executeBatch();
                    member.executeBatch();
                    family.executeBatch();
                }
            }
            c.commit();
        }
        return senders;
    }

    private static UUID person(PreparedStatement user, Random random, String profile, UUID school)
            throws SQLException {
        UUID id = UUID.randomUUID();
        String last = NAMES[random.nextInt(NAMES.length)];
        String first = FIRST[random.nextInt(FIRST.length)];
        user.setObject(1, id);
        user.setString(2, profile);
        user.setString(3, last);
        user.setString(4, first);
        user.setObject(5, school);
        user.setString(6, Text.searchKey(last, first));
        user.addBatch();
        return id;
    }

    private static void pair(PreparedStatement statement, UUID first, UUID second) throws SQLException {
        statement.setObject(1, first);
        statement.setObject(2, second);
        statement.addBatch();
    }

    private static String counts(DataSource db, String schema) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("ent_user", "ent_group", "group_member", "communication_link")) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + schema + "." + table)) {
                    rs.next();
                    text.append(text.isEmpty() ? "" : ", ").append(String.format("%,d", rs.getLong(1))).append(' ')
                            .append(table);
                }
            }
        }
        return text.toString();
    }

    private static String explain(EntityManagerFactory unit, String schema, UUID sender, String q) {
        return inTransaction(unit, schema, em -> {
            em.createNativeQuery("SET LOCAL search_path TO " + TenantNames.quote(schema)).executeUpdate();
            List<String> words = Text.searchWords(q);
            StringBuilder sql = new StringBuilder(Visibility.peopleQuery(words.size()));
            var query = em.createNativeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql + " ORDER BY u.search_key, u.id LIMIT 21");
            query.setParameter(1, sender);
            for (int i = 0; i < words.size(); i++) {
                query.setParameter(i + 2, "%" + words.get(i) + "%");
            }
            StringBuilder text = new StringBuilder();
            for (Object line : query.getResultList()) {
                text.append(line).append('\n');
            }
            return text.toString();
        }, true);
    }

    private static void row(StringBuilder md, String label, List<Long> nanos) {
        long[] values = toArray(nanos);
        md.append("| ").append(label).append(" | ").append(values.length).append(" | ")
                .append(ms(Bench.percentile(values, 50))).append(" | ").append(ms(Bench.percentile(values, 90)))
                .append(" | ").append(ms(Bench.percentile(values, 99))).append(" | ")
                .append(ms(Bench.percentile(values, 100))).append(" |\n");
    }

    private static long[] toArray(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    private static String ms(long nanos) {
        return Bench.fmt(nanos / 1e6, 2);
    }
}
