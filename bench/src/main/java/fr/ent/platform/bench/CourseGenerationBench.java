package fr.ent.platform.bench;

import static fr.ent.platform.bench.Bench.say;

import fr.ent.platform.identity.Realms;
import fr.ent.platform.local.DemoCompliance;
import fr.ent.platform.local.DemoData;
import fr.ent.platform.testing.ai.LocalChatServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * « Générer un cours » (issue 16): how long the platform itself takes to generate a course, apart from the AI
 * provider's own time. The whole platform (embedded PostgreSQL, Keycloak, Liberty) with the Occitanie demo; the AI
 * endpoint is a local OpenAI-compatible server over HTTPS (test-support's {@link LocalChatServer}) declared to the
 * egress door as an allowed French endpoint, answering a fixed two-chapter course (with HTML for the sanitizer) after
 * {@code bench.courses.delays} milliseconds. Antoine Garcia (teacher of 2nde A) sends {@code bench.courses.warmup}
 * then {@code bench.courses.generations} generations per delay, one at a time, through {@code POST
 * /api/courses/generations}. Each answer's {@code Server-Timing} gives the server's whole time and the provider
 * call's (measured around {@code ChatCompletions.complete} in the runtime); ours is the difference: rights, the
 * directory's look-up of the teacher's pupils, the prompt, reading and sanitizing the answer, the one transaction that
 * stores the draft and the read-back of the course. The client's wall time is reported too (HTTP, JSON, the
 * runtime's filters). With two provider delays, our part should not move with the provider's.
 */
public final class CourseGenerationBench {

    static final String ANSWER = """
            {"title": "La Révolution française",
             "chapters": [
              {"title": "1789, l'année des ruptures", "objectives": ["Situer les événements de 1789", "Nommer les acteurs"],
               "text": "<h3>Les États généraux</h3><p onclick=\\"x()\\">Les États généraux s'ouvrent le 5 mai 1789 à Versailles.<script>alert(1)</script></p><ul><li>Serment du Jeu de paume</li><li>Prise de la Bastille</li></ul>",
               "exercises": ["Qui convoque les États généraux ?", "Datez la prise de la Bastille."]},
              {"title": "La Déclaration des droits", "objectives": ["Expliquer deux articles"],
               "text": "<p>Adoptée le 26 août 1789, elle affirme l'égalité en droits.</p><a href=\\"javascript:alert(2)\\">source</a>",
               "exercises": "<ol><li>Citez l'article 1.</li></ol>"}
             ]}""";
    private static final Pattern TIMING = Pattern.compile("provider;dur=([0-9.]+), total;dur=([0-9.]+)");

    private CourseGenerationBench() {
    }

    public static void main(String[] args) throws Exception {
        int generations = Bench.intProperty("bench.courses.generations", 50);
        int warmup = Bench.intProperty("bench.courses.warmup", 10);
        String[] delays = System.getProperty("bench.courses.delays", "0,500").split(",");
        say("CourseGenerationBench: " + warmup + " + " + generations + " generations per provider delay "
                + String.join("/", delays) + " ms; " + Bench.machineLine());
        try (LocalChatServer ai = LocalChatServer.start(Bench.targetDirectory().resolve("course-ai"));
                BenchPlatform platform = BenchPlatform.start("course-generation", aiEnvironment(ai))) {
            DemoData.ensure(platform.client(), platform.keycloak(), Bench::say);
            platform.allowPasswordGrant("demo-occitanie");
            PasswordLogin antoine = new PasswordLogin(platform.http(), platform.tokenEndpoint("demo-occitanie"),
                    Realms.PORTAL_CLIENT, DemoData.login("Antoine", "Garcia"), DemoData.DEMO_PASSWORD,
                    "Antoine Garcia");
            URI base = platform.server().runtimeBase();
            String host = "occitanie.localhost";
            String classId = classOf(platform, antoine, base, host);
            JsonArrayBuilder phases = Json.createArrayBuilder();
            StringBuilder md = new StringBuilder("| provider delay | n | ours median (ms) | ours p95 | provider median"
                    + " | server total median | client wall median |\n|---|---|---|---|---|---|---|\n");
            for (String d : delays) {
                long delay = Long.parseLong(d.strip());
                ai.answer(new LocalChatServer.Answer(200, LocalChatServer.Answer.completion(ANSWER).body(), delay));
                for (int i = 0; i < warmup; i++) {
                    generate(platform, antoine, base, host, classId);
                }
                long[] ours = new long[generations];
                long[] provider = new long[generations];
                long[] total = new long[generations];
                long[] wall = new long[generations];
                for (int i = 0; i < generations; i++) {
                    long[] m = generate(platform, antoine, base, host, classId);
                    provider[i] = m[0];
                    total[i] = m[1];
                    ours[i] = m[1] - m[0];
                    wall[i] = m[2];
                }
                JsonObject phase = Bench.object().add("providerDelayMillis", delay).add("generations", generations)
                        .add("oursMedianMicros", Bench.median(ours)).add("oursP95Micros", Bench.percentile(ours, 95))
                        .add("providerMedianMicros", Bench.median(provider))
                        .add("serverTotalMedianMicros", Bench.median(total))
                        .add("clientWallMedianMicros", Bench.median(wall)).build();
                phases.add(phase);
                String line = "| " + delay + " ms | " + generations + " | " + Bench.fmt(Bench.median(ours) / 1000, 1)
                        + " | " + Bench.fmt(Bench.percentile(ours, 95) / 1000.0, 1) + " | "
                        + Bench.fmt(Bench.median(provider) / 1000, 1) + " | " + Bench.fmt(Bench.median(total) / 1000, 1)
                        + " | " + Bench.fmt(Bench.median(wall) / 1000, 1) + " |\n";
                md.append(line);
                say(line.strip());
            }
            Bench.writeResults("course-generation", Bench.object().add("machine", Bench.machine())
                    .add("at", Bench.now()).add("warmup", warmup).add("phases", phases).build(), md.toString());
        }
    }

    private static Map<String, String> aiEnvironment(LocalChatServer ai) {
        // the sovereign policy the egress door checks against (the demo's, as the integration tests' platform)
        Map<String, String> env = new LinkedHashMap<>(DemoCompliance.POLICY);
        env.put("ENT_EGRESS_ALLOWED_HOSTS", "127.0.0.1");
        env.put("ENT_EGRESS_AI_URL", ai.url());
        env.put("ENT_EGRESS_AI_REGION", "fr-par");
        env.put("ENT_EGRESS_AI_PROVIDER", "fournisseur-local");
        env.put("ENT_EGRESS_TRUST_STORE", ai.trustStore().toAbsolutePath().toString());
        env.put("ENT_EGRESS_TRUST_STORE_PASSWORD", LocalChatServer.PASSWORD);
        env.put("ENT_AI_MODEL", "modele-cours");
        env.put("ENT_AI_TIMEOUT_SECONDS", "60");
        return env;
    }

    private static String classOf(BenchPlatform platform, PasswordLogin login, URI base, String host)
            throws Exception {
        HttpResponse<String> owners = platform.http().send(login.request(base.resolve("/api/courses/owners"), host),
                HttpResponse.BodyHandlers.ofString());
        if (owners.statusCode() != 200) {
            throw new IllegalStateException("owners: " + owners.statusCode() + " " + owners.body());
        }
        return Json.createReader(new StringReader(owners.body())).readArray().getValuesAs(JsonObject.class).stream()
                .filter(o -> o.getString("kind").equals("class")).findFirst().orElseThrow().getString("id");
    }

    /** One generation: {provider µs, server total µs, client wall µs}. */
    private static long[] generate(BenchPlatform platform, PasswordLogin login, URI base, String host, String classId)
            throws Exception {
        String body = Json.createObjectBuilder().add("ownerKind", "class").add("ownerId", classId)
                .add("level", "Seconde").add("subject", "Histoire").add("durationMinutes", 110)
                .add("keywords", "Révolution française, 1789").build().toString();
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/courses/generations")).header("Host", host)
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .header("Authorization", login.authorization()).timeout(Duration.ofSeconds(90))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        long t0 = System.nanoTime();
        HttpResponse<String> answer = platform.http().send(request, HttpResponse.BodyHandlers.ofString());
        long wall = (System.nanoTime() - t0) / 1000;
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("generation: " + answer.statusCode() + " " + answer.body());
        }
        Matcher m = TIMING.matcher(answer.headers().firstValue("Server-Timing").orElse(""));
        if (!m.find()) {
            throw new IllegalStateException("no Server-Timing in " + answer.headers().map());
        }
        return new long[] {Math.round(Double.parseDouble(m.group(1)) * 1000),
                Math.round(Double.parseDouble(m.group(2)) * 1000), wall};
    }
}
