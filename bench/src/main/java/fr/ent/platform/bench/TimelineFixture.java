package fr.ent.platform.bench;

import static fr.ent.platform.bench.Bench.say;

import fr.ent.platform.bench.DirectoryReadBench.Target;
import fr.ent.platform.local.PlatformClient;
import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@link TimelineBench}'s collectivity: schools seeded through the directory API, the directory readers signed in,
 * and the held deliveries (school quiet hours, e-mail preferences, one notice per school).
 */
final class TimelineFixture {

    static final String HELD_TEXT = "Réunion des parents mardi";
    private static final String CHECK_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

    private TimelineFixture() {
    }

    /** A seeded school: its id, its teacher (a reader), how many members, who wants e-mail. */
    record School(String id, String teacherId, String staffId, int members, List<String> emailed) {
    }

    /** The collectivity of the run. */
    record Setup(String slug, String host, String schema, School fanOutSchool, List<School> heldSchools,
            Target readers) {
    }

    /**
     * Provisions collectivity timeline{prefix} (domain tl{prefix}.localhost), seeds the fan-out school ({@code
     * members}) and {@code heldSchools} schools of {@code heldMembers}, and signs in the fan-out school's teacher and
     * staff member, the directory readers.
     */
    static Setup prepare(BenchPlatform platform, String prefix, int members, int heldSchools, int heldMembers,
            int emailEvery) throws Exception {
        String slug = "timeline" + prefix;
        String host = "tl" + prefix + ".localhost";
        platform.provision(slug, host, 20);
        platform.authorizeAsAdministrator(slug, host);
        awaitServed(platform.client(), host);
        long t0 = System.nanoTime();
        School fanOutSchool = seedSchool(platform.client(), host, 1, members, emailEvery);
        List<School> held = new ArrayList<>();
        for (int s = 0; s < heldSchools; s++) {
            held.add(seedSchool(platform.client(), host, 2 + s, heldMembers, emailEvery));
            say("  seeded school " + (s + 2) + "/" + (heldSchools + 1) + " ("
                    + (System.nanoTime() - t0) / 1_000_000_000L + " s)");
        }
        platform.allowPasswordGrant(slug);
        List<PasswordLogin> readers = List.of(
                platform.signInUser(slug, fanOutSchool.teacherId(), "Teacher", "Claire", "Enseignante"),
                platform.signInUser(slug, fanOutSchool.staffId(), "Personnel", "Paul", "Secrétaire"));
        readers.forEach(PasswordLogin::authorization);
        return new Setup(slug, host, "t_" + slug.replace('-', '_'), fanOutSchool, held, new Target(host, readers));
    }

    private static void awaitServed(PlatformClient client, String host) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (client.get(host, "/api/directory/structures").statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(host + " not served");
            }
            Thread.sleep(100);
        }
    }

    /**
     * A school (valid UAI from {@code index}) with one class and {@code members} people: a teacher "Claire
     * Enseignante", a staff member "Paul Secrétaire", pupils; every {@code emailEvery}-th has an e-mail address.
     * Created through the directory API, 4 at a time.
     */
    static School seedSchool(PlatformClient client, String host, int index, int members, int emailEvery)
            throws Exception {
        String digits = String.format("%07d", 2_000_000 + index);
        String uai = digits + CHECK_LETTERS.charAt(Integer.parseInt(digits) % CHECK_LETTERS.length());
        String school = created(host, client.postJson(host, "/api/directory/structures", Json.createObjectBuilder()
                .add("uai", uai).add("name", "École timeline " + index).add("type", "ECOLE").build().toString()));
        String classId = created(host, client.postJson(host, "/api/directory/structures/" + school + "/classes",
                Json.createObjectBuilder().add("name", "CM1").build().toString()));
        String[] ids = new String[members];
        List<String> emailed = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int u = 0; u < members; u++) {
                int n = u;
                done.add(pool.submit(() -> {
                    String profile = n == 0 ? "Teacher" : n == 1 ? "Personnel" : "Student";
                    var user = Json.createObjectBuilder().add("profile", profile)
                            .add("lastName", n == 0 ? "Enseignante" : n == 1 ? "Secrétaire" : "Élève" + n)
                            .add("firstName", n == 0 ? "Claire" : n == 1 ? "Paul" : "Camille").add("structureId", school);
                    if (!profile.equals("Personnel")) {
                        user.add("classIds", Json.createArrayBuilder().add(classId));
                    }
                    boolean mail = n % emailEvery == 0;
                    if (mail) {
                        user.add("email", "membre" + n + "@ecole" + index + ".bench.example");
                    }
                    ids[n] = created(host, client.postJson(host, "/api/directory/users", user.build().toString()));
                    if (mail) {
                        emailed.add(ids[n]);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new School(school, ids[0], members > 1 ? ids[1] : ids[0], members, List.copyOf(emailed));
    }

    private static String created(String host, HttpResponse<String> created) {
        if (created.statusCode() != 201) {
            throw new IllegalStateException(host + ": creation refused: " + created.statusCode() + " " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /**
     * Quiet hours all week for every held school (its administrator's setting, through the API), e-mail on for the
     * members with an address (preference rows written into the schema: the API would need each user's token),
     * one notice per school; waits until every delivery exists and checks none is visible yet.
     */
    static long hold(BenchPlatform platform, Setup setup) throws Exception {
        String allWeek = "[{\"days\":[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\",\"SATURDAY\","
                + "\"SUNDAY\"],\"from\":\"00:00\",\"to\":\"24:00\"}]";
        try (Connection c = platform.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO " + setup.schema() + ".preference (user_id, type,"
                        + " shown, emailed) VALUES (?::uuid, 'notifications.message', true, true)")) {
            for (School school : setup.heldSchools()) {
                HttpResponse<String> set = platform.client().runtime(setup.host(), "PUT",
                        "/api/notifications/structures/" + school.id() + "/quiet-hours", "application/json",
                        allWeek.getBytes(StandardCharsets.UTF_8));
                if (set.statusCode() != 200) {
                    throw new IllegalStateException("school quiet hours refused: " + set.statusCode() + " " + set.body());
                }
                for (String user : school.emailed()) {
                    s.setString(1, user);
                    s.addBatch();
                }
            }
            s.executeBatch();
        }
        long held = 0;
        for (School school : setup.heldSchools()) {
            String id = TimelineBench.post(platform.client(), setup.host(), school.id(), HELD_TEXT);
            held += TimelineBench.awaitDeliveries(platform, setup.schema(), id, school.members());
        }
        long visible = TimelineBench.scalar(platform, "SELECT count(*) FROM " + setup.schema() + ".delivery d JOIN " + setup.schema()
                + ".notice n ON n.id = d.notice_id WHERE n.text_fr = '" + HELD_TEXT + "' AND d.visible_at <= now()");
        if (visible != 0) {
            throw new IllegalStateException(visible + " deliveries visible despite quiet hours");
        }
        say("  " + held + " deliveries held by quiet hours");
        return held;
    }

}
