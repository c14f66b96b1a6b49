package fr.ent.platform.local;

import fr.ent.platform.identity.Claims;
import fr.ent.platform.identity.ClientCredentials;
import fr.ent.platform.identity.RealmRoles;
import fr.ent.platform.identity.Realms;
import jakarta.json.Json;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Consumer;

/**
 * The two demo collectivities, created through the same admin and directory APIs that real clients use, only
 * when they are missing (a second start keeps what is there). Public for the browser walk of every demo account
 * (local-platform's DemoWalkIT), which seeds them as the launcher does.
 */
public final class DemoData {

    /** {@code primary}, {@code accent}: the collectivity's colours (branding), both 4.5:1 or more against white. */
    public record Demo(String slug, String kind, String displayName, String domain, String uai, String school,
            String schoolType, List<String> classes, List<String[]> people, String primary, String accent) {

        /**
         * The same school, classes and people in another collectivity: tests seed a demo's content where deleting it
         * harms no other test (ReversibilityIT exports, deletes and imports it back under a new name).
         */
        public Demo as(String newSlug, String newDisplayName, String newDomain) {
            return new Demo(newSlug, kind, newDisplayName, newDomain, uai, school, schoolType, classes, people,
                    primary, accent);
        }
    }

    /**
     * The demo collectivities. A person is {profile, last name, first name, class or null, and for a parent the
     * first names of their children}; children come before their parents. Every class has a teacher, pupils and
     * parents linked to them, so that "Ma classe" and "Mon compte" show something real for every profile.
     */
    public static final List<Demo> DEMOS = List.of(
            new Demo("demo-lyon", "commune", "Ville de Lyon", "lyon.localhost", "0693331W",
                    "École élémentaire Jean Macé", "ECOLE", List.of("CP", "CE1"),
                    List.of(new String[] {"Teacher", "Martin", "Sophie", "CP"},
                            new String[] {"Teacher", "Bernard", "Lucie", "CE1"},
                            new String[] {"Student", "Durand", "Léa", "CP"},
                            new String[] {"Student", "Moreau", "Hugo", "CP"},
                            new String[] {"Student", "Petit", "Chloé", "CE1"},
                            new String[] {"Student", "Durand", "Tom", "CE1"},
                            new String[] {"Relative", "Durand", "Nicolas", null, "Léa", "Tom"},
                            new String[] {"Relative", "Moreau", "Claire", null, "Hugo"},
                            new String[] {"Relative", "Petit", "Karim", null, "Chloé"},
                            new String[] {"Personnel", "Lopez", "Nadia", null}),
                    "#c8102e", "#1d3557"),
            new Demo("demo-occitanie", "région", "Région Occitanie", "occitanie.localhost", "0310036W",
                    "Lycée Pierre de Fermat", "LYCEE", List.of("2nde A", "1re B"),
                    List.of(new String[] {"Teacher", "Garcia", "Antoine", "2nde A"},
                            new String[] {"Teacher", "Lambert", "Julien", "1re B"},
                            new String[] {"Student", "Roux", "Manon", "2nde A"},
                            new String[] {"Student", "Bonnet", "Inès", "2nde A"},
                            new String[] {"Student", "Fournier", "Lucas", "1re B"},
                            new String[] {"Relative", "Roux", "Sandrine", null, "Manon"},
                            new String[] {"Relative", "Fournier", "Marc", null, "Lucas"},
                            new String[] {"Personnel", "Blanc", "Isabelle", null}),
                    "#005f73", "#9b1b30"));

    private DemoData() {
    }

    /** The password of every demo account (local platform only; printed at start). */
    public static final String DEMO_PASSWORD = "demo-ent-2026";
    static final String SEEDER_CLIENT = "demo-seeder";
    static final String SEEDER_SECRET = "demo-seeder-local-secret";

    /** A demo account printed by the launcher. */
    public record Account(String collectivity, String username, String profile) {
    }

    public static List<Account> ensure(PlatformClient client, KeycloakSetup keycloak, Consumer<String> progress)
            throws IOException, InterruptedException {
        List<Account> accounts = new java.util.ArrayList<>();
        for (Demo demo : DEMOS) {
            accounts.addAll(ensure(client, keycloak, demo, progress));
        }
        return accounts;
    }

    /** One demo collectivity: made active if needed, branded, its directory seeded, its accounts made. Idempotent. */
    public static List<Account> ensure(PlatformClient client, KeycloakSetup keycloak, Demo demo,
            Consumer<String> progress) throws IOException, InterruptedException {
        client.ensureActive(demo.slug(), demo.kind(), demo.displayName(), demo.domain());
        brand(client, demo);
        String realm = Realms.ofCollectivity(demo.slug());
        // The directory is filled through the runtime API like any client would, as a service account that
        // administers this collectivity (and only it).
        ClientCredentials seeder = keycloak.ensureServiceClient(realm, SEEDER_CLIENT, SEEDER_SECRET,
                List.of(RealmRoles.SUPER_ADMIN));
        client.authorizeRuntime(demo.domain(), seeder::authorization);
        seedDirectory(client, demo, progress);
        applyCommunicationDefaults(client, demo);
        return ensureAccounts(client, keycloak, demo, realm);
    }

    /** Colours and logo through the admin API, at every start: the same values again change nothing visible. */
    private static void brand(PlatformClient client, Demo demo) throws IOException, InterruptedException {
        String path = "/collectivities/" + demo.slug() + "/branding";
        HttpResponse<String> colours = client.admin("PUT", path, Json.createObjectBuilder()
                .add("primaryColor", demo.primary()).add("accentColor", demo.accent()).build().toString());
        HttpResponse<String> logo = client.adminBytes("PUT", path + "/logo", "image/png",
                DemoLogo.png(demo.primary(), demo.accent()));
        for (HttpResponse<String> r : List.of(colours, logo)) {
            if (r.statusCode() != 200) {
                throw new IllegalStateException("identité visuelle de " + demo.slug() + " refusée : " + r.statusCode()
                        + " " + r.body());
            }
        }
    }

    /** Keycloak accounts with a known password for the demo people, linked to their directory entry. */
    private static List<Account> ensureAccounts(PlatformClient client, KeycloakSetup keycloak, Demo demo, String realm)
            throws IOException, InterruptedException {
        List<Account> accounts = new java.util.ArrayList<>();
        String admin = "admin." + demo.slug().replace("demo-", "");
        keycloak.ensureUser(realm, admin, "Admin", demo.displayName(), DEMO_PASSWORD,
                List.of(RealmRoles.SUPER_ADMIN, RealmRoles.PERSONNEL), java.util.Map.of());
        accounts.add(new Account(demo.displayName(), admin, RealmRoles.SUPER_ADMIN));
        // The demo school's people only: a school imported into the demo collectivity (the console's BE1D import,
        // ConsoleImportPagesIT) brings hundreds of people who are no demo accounts.
        HttpResponse<String> users = client.get(demo.domain(), "/api/directory/users?limit=100&structureId="
                + schoolId(client, demo));
        if (users.statusCode() != 200) {
            throw new IllegalStateException("annuaire de " + demo.slug() + " illisible : " + users.body());
        }
        for (jakarta.json.JsonValue item : PlatformClient.json(users).getJsonArray("items")) {
            jakarta.json.JsonObject user = item.asJsonObject();
            String username = login(user.getString("firstName"), user.getString("lastName"));
            keycloak.ensureUser(realm, username, user.getString("firstName"), user.getString("lastName"),
                    DEMO_PASSWORD, List.of(user.getString("profile")), java.util.Map.of(Claims.USER_ID,
                            user.getString("id")));
            accounts.add(new Account(demo.displayName(), username, user.getString("profile")));
        }
        return accounts;
    }

    public static String login(String firstName, String lastName) {
        String ascii = java.text.Normalizer.normalize(firstName + "." + lastName, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return ascii.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9.]", "");
    }

    private static void seedDirectory(PlatformClient client, Demo demo, Consumer<String> progress)
            throws IOException, InterruptedException {
        {
            HttpResponse<String> structures = client.get(demo.domain(), "/api/directory/structures");
            if (structures.statusCode() != 200) {
                throw new IllegalStateException("annuaire de " + demo.slug() + " injoignable : " + structures.body());
            }
            if (structures.body().contains(demo.uai())) {
                progress.accept("  ✓ " + demo.displayName() + " (" + demo.domain() + ") : déjà en place");
                return;
            }
            String structureId = idOf(client.postJson(demo.domain(), "/api/directory/structures", Json.createObjectBuilder()
                    .add("uai", demo.uai()).add("name", demo.school()).add("type", demo.schoolType()).build().toString()));
            java.util.Map<String, String> classIds = new java.util.HashMap<>();
            for (String name : demo.classes()) {
                classIds.put(name, idOf(client.postJson(demo.domain(), "/api/directory/structures/" + structureId + "/classes",
                        Json.createObjectBuilder().add("name", name).build().toString())));
            }
            java.util.Map<String, String> idsByFirstName = new java.util.HashMap<>();
            for (String[] person : demo.people()) {
                var user = Json.createObjectBuilder().add("profile", person[0]).add("lastName", person[1])
                        .add("firstName", person[2]).add("structureId", structureId);
                if (person[3] != null) {
                    user.add("classIds", Json.createArrayBuilder().add(classIds.get(person[3])));
                }
                if (person.length > 4) {
                    var children = Json.createArrayBuilder();
                    for (int i = 4; i < person.length; i++) {
                        children.add(idsByFirstName.get(person[i]));
                    }
                    user.add("childIds", children);
                }
                idsByFirstName.put(person[2], idOf(client.postJson(demo.domain(), "/api/directory/users",
                        user.build().toString())));
            }
            progress.accept("  ✓ " + demo.displayName() + " (" + demo.domain() + ") : " + demo.school() + ", "
                    + demo.classes().size() + " classes, " + demo.people().size() + " personnes");
        }
    }

    /**
     * The school's profile groups and default communication rules (who may write to whom). A school declared
     * through the API has them already; a demo seeded by an earlier build (before the rules) gets them now. Idempotent.
     */
    private static void applyCommunicationDefaults(PlatformClient client, Demo demo)
            throws IOException, InterruptedException {
        String structureId = schoolId(client, demo);
        HttpResponse<String> applied = client.postJson(demo.domain(),
                "/api/directory/structures/" + structureId + "/communication/defaults", "{}");
        if (applied.statusCode() != 200) {
            throw new IllegalStateException("règles de communication de " + demo.slug() + " refusées : "
                    + applied.statusCode() + " " + applied.body());
        }
    }

    /** The id of the demo's school (found by its UAI). */
    private static String schoolId(PlatformClient client, Demo demo) throws IOException, InterruptedException {
        HttpResponse<String> structures = client.get(demo.domain(), "/api/directory/structures");
        try (jakarta.json.JsonReader reader = Json.createReader(new java.io.StringReader(structures.body()))) {
            for (jakarta.json.JsonValue item : reader.readArray()) {
                if (demo.uai().equals(item.asJsonObject().getString("uai"))) {
                    return item.asJsonObject().getString("id");
                }
            }
        }
        throw new IllegalStateException("école " + demo.uai() + " absente de " + demo.slug());
    }

    private static String idOf(HttpResponse<String> created) {
        if (created.statusCode() != 201) {
            throw new IllegalStateException("création refusée : " + created.statusCode() + " " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
