package fr.ent.platform.bench.identity;

import static fr.ent.platform.bench.Bench.fmt;
import static fr.ent.platform.bench.Bench.say;

import fr.ent.platform.bench.Bench;
import fr.ent.platform.bench.KeycloakDatabases;
import fr.ent.platform.keycloak.local.LocalKeycloak;
import fr.ent.platform.tenancy.CollectivityKind;
import fr.ent.platform.tenancy.Slug;
import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenancy.TenantState;
import fr.ent.platform.tenants.identity.AdminCredentials;
import fr.ent.platform.tenants.identity.KeycloakAdmin;
import fr.ent.platform.tenants.identity.KeycloakException;
import fr.ent.platform.tenants.identity.KeycloakRealms;
import fr.ent.platform.tenants.identity.PortalUrls;
import fr.ent.platform.tenants.identity.TimedKeycloakAdmin;
import fr.ent.platform.tenants.registry.Collectivity;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One Keycloak of the realm benchmarks ({@link RealmCapacityBench}, {@link PlatformRealmsBench}): a real
 * {@link LocalKeycloak} on its own database of a zonky PostgreSQL (as Keycloak runs in production), restartable on
 * the same home and database, with the admin clients tenant-manager builds ({@code TenantManagerBeans}, without a
 * branding).
 */
final class BenchKeycloak {

    /** Where the portals are, as the realm definition needs it. */
    static final PortalUrls PORTALS = new PortalUrls("http://{domain}:9080");
    /** Keycloak's role in PostgreSQL, owner of every Keycloak database of the benches. */
    static final String ROLE = KeycloakDatabases.ROLE;
    static final String PASSWORD = KeycloakDatabases.PASSWORD;

    private final Path home;
    private final EmbeddedPostgres postgres;
    private final String database;
    private final Optional<String> heap;
    private final Optional<Path> copiedFrom;
    private LocalKeycloak keycloak;
    /** The REALM step's client: the realm definition, routine calls with each realm's own account (ADR 0052). */
    KeycloakRealms realms;
    /** The client {@link #realms} uses, which times each exchange when asked (a side-by-side phase). */
    TimedKeycloakAdmin timed;
    /** The platform administrator alone, every call (before ADR 0052). */
    KeycloakAdmin administrator;

    BenchKeycloak(Path home, EmbeddedPostgres postgres, String database) {
        this(home, postgres, database, Optional.empty(), Optional.empty());
    }

    /**
     * @param heap the JVM's heap options (kc.sh's default otherwise: {@code -Xms64m -Xmx512m} outside a container)
     * @param copiedFrom a home already built for PostgreSQL, copied into {@code home} when it is not complete yet
     *        (seconds, where unpacking and Keycloak's build step take a minute or two)
     */
    BenchKeycloak(Path home, EmbeddedPostgres postgres, String database, Optional<String> heap,
            Optional<Path> copiedFrom) {
        this.home = home;
        this.postgres = postgres;
        this.database = database;
        this.heap = heap;
        this.copiedFrom = copiedFrom;
    }

    void start() throws Exception {
        createDatabase(postgres, database);
        LocalKeycloak.Builder builder = LocalKeycloak.builder(home).option("--log-level=warn").progress(Bench::say)
                .postgres("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database, ROLE, PASSWORD);
        heap.ifPresent(builder::heap);
        copiedFrom.ifPresent(builder::copiedFrom);
        keycloak = builder.start();
        AdminCredentials credentials = credentials();
        timed = new TimedKeycloakAdmin(keycloak.baseUrl(), credentials);
        realms = new KeycloakRealms(timed.withRealmAccounts(), PORTALS, Optional.empty());
        administrator = new KeycloakAdmin(keycloak.baseUrl(), credentials);
    }

    void stop() {
        if (keycloak != null) {
            keycloak.close();
            keycloak = null;
        }
    }

    Path home() {
        return home;
    }

    java.net.URI baseUrl() {
        return keycloak.baseUrl();
    }

    /** The master administrator (every {@link LocalKeycloak} home gets the same). */
    AdminCredentials credentials() {
        return new AdminCredentials.Password("master", keycloak.adminUsername(), keycloak.adminPassword());
    }

    /** Keycloak's JVM (the java process under kc.sh). */
    ProcessHandle jvm() {
        return keycloak.process().descendants()
                .filter(p -> p.info().command().map(s -> s.endsWith("/java")).orElse(false)).findFirst()
                .orElse(keycloak.process());
    }

    /** Resident memory of Keycloak's JVM, in MB. */
    long rssMb() throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/" + jvm().pid() + "/status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    /** A Keycloak database of the zonky server (and Keycloak's role), unless it exists already. */
    static void createDatabase(EmbeddedPostgres postgres, String database) throws Exception {
        KeycloakDatabases.create(postgres.getPostgresDatabase(), database);
    }

    /**
     * One REALM step ({@link KeycloakRealms#ensureRealm}), timed. On a machine shared with other builds an admin call
     * can outlast the client's 60 s: the step is idempotent (it reconciles what a timed-out POST did make), so it is
     * run again, and the time kept is that of the attempt that succeeded; the retries are printed.
     */
    static long timedStep(KeycloakRealms realms, Collectivity c) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            long t0 = System.nanoTime();
            try {
                realms.ensureRealm(c);
                return (System.nanoTime() - t0) / 1_000_000;
            } catch (KeycloakException e) {
                if (attempt == 5) {
                    throw e;
                }
                say("  " + c.names().realm() + ": attempt " + attempt + " failed after "
                        + (System.nanoTime() - t0) / 1_000_000 + " ms (" + e.getMessage() + "), load "
                        + fmt(Bench.load(), 1) + "; again");
                Thread.sleep(5_000);
            }
        }
    }

    /** A collectivity without a registry row: the same slug, hence realm, at every run. */
    static Collectivity collectivity(String prefix, int n) {
        String slug = String.format("%s-%04d", prefix, n);
        TenantNames names = TenantNames.of(Slug.of(slug));
        return new Collectivity(UUID.nameUUIDFromBytes(slug.getBytes(StandardCharsets.UTF_8)), slug,
                CollectivityKind.COMMUNE, "Capacité " + slug, List.of(slug + ".localhost"), TenantState.PROVISIONING,
                null, null, names, null, null, false, Instant.now(), Instant.now());
    }
}
