package fr.ent.platform.it.directory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.it.Platform;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The directory API of one collectivity, as its Host sees it, for the directory integration tests: requests
 * that must succeed are asserted here, so that the tests read as the scenario they check.
 */
public final class DirectoryApi {

    static final String BASE = "/api/directory";
    private static final String CHECK_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

    final Platform platform = Platform.get();
    public final String host;

    private DirectoryApi(String host) {
        this.host = host;
    }

    /** Provisions a fresh collectivity named {@code prefix-xxxxxx} and returns its API on {@code <slug>.localhost}. */
    public static DirectoryApi newCollectivity(String prefix) {
        String slug = prefix + "-" + letters(6);
        String domain = slug + ".localhost";
        Platform.get().provisionActive(slug, domain);
        return new DirectoryApi(domain);
    }

    public static String letters(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }

    /** A valid UAI nobody else in the test run uses (7 random digits and their check letter). */
    public static String randomUai() {
        int number = ThreadLocalRandom.current().nextInt(10_000_000);
        return String.format("%07d", number) + CHECK_LETTERS.charAt(number % 23);
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    HttpResponse<String> get(String path) {
        return platform.get(host, BASE + path);
    }

    HttpResponse<String> post(String path, JsonObjectBuilder body) {
        return platform.postJson(host, BASE + path, body.build().toString());
    }

    public JsonObject createStructure(String uai, String name, String type) {
        HttpResponse<String> created = post("/structures",
                Json.createObjectBuilder().add("uai", uai).add("name", name).add("type", type));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Platform.json(created);
    }

    public JsonObject createClass(String structureId, String name) {
        HttpResponse<String> created = post("/structures/" + structureId + "/classes",
                Json.createObjectBuilder().add("name", name));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Platform.json(created);
    }

    public JsonObject createUser(String profile, String lastName, String firstName, String structureId, List<String> classIds,
            List<String> childIds) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("profile", profile).add("lastName", lastName)
                .add("firstName", firstName).add("structureId", structureId)
                .add("classIds", array(classIds)).add("childIds", array(childIds));
        HttpResponse<String> created = post("/users", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Platform.json(created);
    }

    /** GET that must answer 200 with a JSON object. */
    JsonObject read(String path) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(200);
        return Platform.json(response);
    }

    /** GET that must answer 200 with a JSON array. */
    JsonArray readArray(String path) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(200);
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readArray();
        }
    }

    static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }

    static List<String> ids(JsonArray objects) {
        return objects.getValuesAs(JsonObject.class).stream().map(o -> o.getString("id")).toList();
    }

    /** Asserts an RFC 9457 problem answer and returns its document. */
    static JsonObject problem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/problem+json");
        JsonObject problem = Platform.json(response);
        assertThat(problem.getString("type")).isEqualTo("urn:ent:problem:" + code);
        assertThat(problem.getInt("status")).isEqualTo(status);
        return problem;
    }
}
