package fr.ent.platform.bench.identity;

import static fr.ent.platform.bench.Bench.fmt;
import static fr.ent.platform.bench.Bench.say;

import fr.ent.platform.bench.Bench;
import fr.ent.platform.identity.Realms;
import fr.ent.platform.keycloak.local.LocalKeycloak;
import fr.ent.platform.tenancy.CollectivityKind;
import fr.ent.platform.tenancy.Slug;
import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenancy.TenantState;
import fr.ent.platform.tenants.identity.AdminCredentials;
import fr.ent.platform.tenants.identity.KeycloakAdmin;
import fr.ent.platform.tenants.identity.KeycloakRealms;
import fr.ent.platform.tenants.identity.PortalUrls;
import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.shards.move.RealmCopy;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * How long a realm move's COPY takes by the realm's size (ADR 0048): two Keycloak servers on PostgreSQL (two
 * databases of one embedded server), a realm made by the REALM step's own code on the first, filled with N people
 * who each hold a password credential (one real PBKDF2 hash, read back through our export and given to everyone:
 * hashes are opaque to a copy), then {@link RealmCopy#copy} to the second, as the move runs it. Sizes from
 * {@code bench.rm.sizes} (default 0,1000,5000). The collectivity is suspended for at least this long in a move.
 */
public final class RealmMoveBench {

    private static final int SEED_PAGE = 500;

    private RealmMoveBench() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("bench.rm.sizes", "0,1000,5000").split(","))
                .map(String::trim).mapToInt(Integer::parseInt).toArray();
        Path state = Bench.targetDirectory().resolve("realm-move");
        Bench.deleteTree(state);
        say("RealmMoveBench: sizes " + Arrays.toString(sizes) + "; " + Bench.machineLine());
        StringBuilder md = new StringBuilder("| people | COPY | people/s | realm document | load(1m) |\n"
                + "|---|---|---|---|---|\n");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(state.resolve("postgres"))
                .start()) {
            for (String db : List.of("kc_a", "kc_b")) {
                try (Connection c = postgres.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
                    st.execute("CREATE DATABASE " + db);
                }
            }
            try (LocalKeycloak a = start(state.resolve("keycloak-a"), postgres, "kc_a");
                    LocalKeycloak b = start(state.resolve("keycloak-b"), postgres, "kc_b")) {
                KeycloakAdmin adminA = admin(a);
                KeycloakAdmin adminB = admin(b);
                KeycloakRealms realms = new KeycloakRealms(adminA, new PortalUrls("http://{domain}:9080"),
                        Optional.empty());
                for (int people : sizes) {
                    Collectivity c = collectivity("move-" + people);
                    String realm = Realms.ofCollectivity(c.slug());
                    realms.ensureRealm(c);
                    long seeded = System.nanoTime();
                    seed(adminA, realm, people);
                    say(people + " people seeded in " + fmt((System.nanoTime() - seeded) / 1e9, 1) + " s");
                    long started = System.nanoTime();
                    RealmCopy.Copied copied = RealmCopy.copy(adminA, adminB, realm);
                    double seconds = (System.nanoTime() - started) / 1e9;
                    String line = "| " + copied.people() + " | " + fmt(seconds, 1) + " s | "
                            + (people == 0 ? "—" : fmt(copied.people() / seconds, 0)) + " | "
                            + fmt(copied.realmBytes() / 1024.0, 0) + " KiB | " + fmt(Bench.load(), 1) + " |";
                    say(line);
                    md.append(line).append('\n');
                    adminB.delete(realm);
                    adminA.delete(realm);
                }
            }
        }
        say("## RealmMoveBench (Keycloak " + LocalKeycloak.version() + " on PostgreSQL; " + Bench.machineLine()
                + ")\n\n" + md);
        Bench.writeResults("realm-move", Bench.object().add("benchmark", "RealmMoveBench")
                .add("machine", Bench.machine()).add("table", md.toString()).build(), md.toString());
    }

    private static LocalKeycloak start(Path home, EmbeddedPostgres postgres, String database) {
        return LocalKeycloak.builder(home).option("--log-level=warn").progress(Bench::say)
                .postgres("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database, "postgres", "postgres")
                .start();
    }

    private static KeycloakAdmin admin(LocalKeycloak keycloak) {
        return new KeycloakAdmin(keycloak.baseUrl(), new AdminCredentials.Password("master", keycloak.adminUsername(),
                keycloak.adminPassword()));
    }

    /** N people with a password each: one made through the admin API, its exported form copied N - 1 times. */
    private static void seed(KeycloakAdmin keycloak, String realm, int people) {
        if (people == 0) {
            return;
        }
        keycloak.post(realm + "/users", Json.createObjectBuilder().add("username", "person-0").add("enabled", true)
                .add("firstName", "Personne").add("lastName", "Zéro")
                .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "password")
                        .add("value", "Mot-de-passe-1").add("temporary", false)))
                .build());
        JsonObject template = keycloak.get(realm + "/ent-realm-move/users?first=0&max=1").array().getJsonObject(0);
        for (int first = 1; first < people; first += SEED_PAGE) {
            JsonArrayBuilder page = Json.createArrayBuilder();
            for (int i = first; i < Math.min(people, first + SEED_PAGE); i++) {
                page.add(copyOf(template, i));
            }
            keycloak.post(realm + "/partialImport", Json.createObjectBuilder().add("ifResourceExists", "FAIL")
                    .add("users", page).build());
        }
    }

    private static JsonObject copyOf(JsonObject template, int i) {
        JsonObjectBuilder person = Json.createObjectBuilder(template).remove("id").remove("createdTimestamp")
                .add("username", "person-" + i).add("lastName", "N" + i);
        JsonArrayBuilder credentials = Json.createArrayBuilder();
        for (JsonValue credential : template.getJsonArray("credentials")) {
            credentials.add(Json.createObjectBuilder(credential.asJsonObject()).remove("id"));
        }
        return person.add("credentials", credentials).build();
    }

    private static Collectivity collectivity(String slug) {
        TenantNames names = TenantNames.of(Slug.of(slug));
        return new Collectivity(UUID.nameUUIDFromBytes(slug.getBytes(StandardCharsets.UTF_8)), slug,
                CollectivityKind.COMMUNE, "Déplacement " + slug, List.of(slug + ".localhost"), TenantState.PROVISIONING,
                null, null, names, null, null, false, Instant.now(), Instant.now());
    }
}
