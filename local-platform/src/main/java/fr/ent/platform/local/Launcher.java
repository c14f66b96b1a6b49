package fr.ent.platform.local;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run-platform.sh}: runs the whole platform ({@link LocalPlatform}) on this machine: embedded PostgreSQL
 * (data kept under .local/), Keycloak (realms kept under .local/keycloak), Open Liberty with tenant-manager and ent-runtime, and two demo collectivities with demo
 * accounts. Prints where to open it and who to log in as; Ctrl-C stops everything.
 * With Prometheus installed ({@code apt-get install prometheus}) it starts one too (data under .local/prometheus),
 * evaluating the generated SLA rules, so the SLA report of a collectivity has figures; and it gives the server a
 * demo sovereignty policy and pushes an inventory of this machine ({@link DemoCompliance}), so the compliance report
 * evaluates its rules.
 * Settings (environment): ENT_HOME, ENT_HTTP_PORT, ENT_ADMIN_PORT, ENT_DB_PORT, ENT_KEYCLOAK_PORT,
 * ENT_KEYCLOAK_MANAGEMENT_PORT, ENT_PROMETHEUS_PORT, ENT_LIBERTY_HOME; ENT_PROMETHEUS_URL (a Prometheus of one's
 * own: none is started); ENT_LOCAL_REGION, ENT_LOCAL_PROVIDER, ENT_LOCAL_DISK_ENCRYPTED, ENT_LOCAL_RESIDENCY (what
 * this machine is, for the compliance report).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        // The demo seeding talks to each collectivity through its Host header, which java.net.http guards.
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
        Path home = Path.of(env("ENT_HOME", ".local")).toAbsolutePath();
        int httpPort = Integer.parseInt(env("ENT_HTTP_PORT", "9080"));
        int adminPort = Integer.parseInt(env("ENT_ADMIN_PORT", "9081"));
        int dbPort = Integer.parseInt(env("ENT_DB_PORT", "5433"));
        int keycloakPort = Integer.parseInt(env("ENT_KEYCLOAK_PORT", "8180"));
        int keycloakManagementPort = Integer.parseInt(env("ENT_KEYCLOAK_MANAGEMENT_PORT", "8190"));
        // a Prometheus given by the developer is used as is (it needs the generated SLA rules); else our own, when
        // installed (else the platform says how to install it)
        boolean ownPrometheus = env("ENT_PROMETHEUS_URL", "").isEmpty() && LocalPrometheus.binary().isPresent();
        // 9090 unless told; the Debian package starts a system Prometheus there, so when 9090 is taken and no port
        // was asked for, ours takes a free one (the launcher prints its address) rather than refusing to start
        int prometheusPort = Integer.parseInt(env("ENT_PROMETHEUS_PORT", "9090"));
        if (ownPrometheus && env("ENT_PROMETHEUS_PORT", "").isEmpty() && !isFree(prometheusPort)) {
            prometheusPort = freePort();
            say("Le port 9090 est pris (service prometheus du système ?) : le Prometheus de la plateforme écoutera "
                    + "sur le port " + prometheusPort + ".");
        }
        Path liberty = Path.of(env("ENT_LIBERTY_HOME", "local-platform/target/liberty/wlp")).toAbsolutePath();

        for (String[] port : new String[][] {{"ENT_HTTP_PORT", "" + httpPort}, {"ENT_ADMIN_PORT", "" + adminPort},
                {"ENT_DB_PORT", "" + dbPort}, {"ENT_KEYCLOAK_PORT", "" + keycloakPort},
                {"ENT_KEYCLOAK_MANAGEMENT_PORT", "" + keycloakManagementPort},
                {"ENT_PROMETHEUS_PORT", ownPrometheus ? "" + prometheusPort : null}}) {
            if (port[1] != null && !isFree(Integer.parseInt(port[1]))) {
                System.err.println("Le port " + port[1] + " est déjà utilisé (une autre plateforme tourne-t-elle ?) : "
                        + "arrêtez-la ou choisissez un autre port avec " + port[0] + "=…");
                System.exit(2);
            }
        }

        long start = System.nanoTime();
        LocalPlatform platform = LocalPlatform.start(new LocalPlatform.Setup(liberty, home, "liberty",
                home.resolve("pgdata"), false, dbPort,
                new LocalPlatform.OwnKeycloak(home.resolve("keycloak"), keycloakPort, keycloakManagementPort),
                httpPort, adminPort, DemoCompliance.policyUnder(System.getenv()), Launcher::say,
                env("ENT_PROMETHEUS_URL", "").isEmpty()
                        ? new LocalPlatform.OwnPrometheus(home.resolve("prometheus"), prometheusPort,
                                Duration.ofSeconds(15))
                        : new LocalPlatform.NoPrometheus()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("Arrêt : Open Liberty, Prometheus, Keycloak puis PostgreSQL…");
            try {
                platform.close();
            } catch (Exception e) {
                System.err.println("Arrêt incomplet : " + e);
            }
            say("Plateforme arrêtée.");
            stopped.countDown();
        }));
        LibertyServer server = platform.server();
        LocalIdentity identity = platform.identity();

        say("Collectivités de démonstration");
        PlatformClient client = platform.client();
        java.util.List<DemoData.Account> accounts = DemoData.ensure(client, identity.setup(), Launcher::say);
        LoopbackDomains.follow(client, identity.keycloak());
        // as the operator would after each collection: what this machine is, for the compliance reports
        DemoCompliance.push(client, DemoCompliance.machineInventory(DemoData.DEMOS.stream()
                .map(d -> new DemoCompliance.Hosted(d.slug(), d.domain())).toList(), httpPort,
                platform.components(), System.getenv(), Instant.now()));

        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        say("");
        say("Plateforme ENT prête en " + seconds + " s.");
        for (DemoData.Demo demo : DemoData.DEMOS) {
            say("  " + demo.displayName() + " : http://" + demo.domain() + ":" + httpPort + "/");
        }
        say("");
        say("Comptes de démonstration (mot de passe : " + DemoData.DEMO_PASSWORD + ") :");
        for (DemoData.Account account : accounts) {
            say("  " + account.collectivity() + " — " + account.username() + " (" + account.profile() + ")");
        }
        say("  Connexion : bouton « Se connecter » sur la page d'accueil de la collectivité.");
        say("  Administrateurs (SUPER_ADMIN, ADMIN_LOCAL) : double authentification obligatoire. À la première");
        say("  connexion, Keycloak affiche un QR code : enregistrez-le dans une application d'authentification");
        say("  (FreeOTP, Google Authenticator, Microsoft Authenticator…), puis saisissez le code à 6 chiffres");
        say("  qu'elle affiche ; ce code est ensuite demandé à chaque connexion.");
        say("");
        say("  API d'administration (boucle locale, jeton exigé) : " + server.adminBase() + "/collectivities");
        say("  Keycloak : " + identity.baseUrl() + "/admin/ (" + LocalIdentity.ADMIN_USERNAME + " / "
                + LocalIdentity.ADMIN_PASSWORD + ")");
        say("  OpenAPI : http://127.0.0.1:" + httpPort + "/openapi/ui   Santé : http://127.0.0.1:" + httpPort + "/health");
        say("");
        say("Exemples :");
        say("  curl -H 'Host: occitanie.localhost' http://127.0.0.1:" + httpPort + "/api/directory/structures");
        say("  TOKEN=$(curl -s -d grant_type=client_credentials -d client_id=" + LocalIdentity.OPERATOR_CLIENT
                + " -d client_secret=" + LocalIdentity.OPERATOR_SECRET + " " + identity.baseUrl()
                + "/realms/platform/protocol/openid-connect/token | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')");
        say("  curl -H \"Authorization: Bearer $TOKEN\" " + server.adminBase() + "/collectivities");
        say("  curl -X POST -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' " + server.adminBase() + "/collectivities \\");
        say("       -d '{\"slug\":\"paris\",\"kind\":\"commune\",\"displayName\":\"Ville de Paris\",\"domains\":[\"paris.localhost\"]}'");
        String demo = DemoData.DEMOS.getFirst().slug();
        say("  Rapports (avec le jeton) : " + server.adminBase() + "/collectivities/" + demo + "/sla-report et "
                + server.adminBase() + "/collectivities/" + demo + "/compliance-report");
        say("  Vue des opérateurs (navigateur ; collez un jeton platform-admin obtenu comme ci-dessus) : "
                + server.adminBase() + "/operator");
        say(platform.prometheus().map(p -> "  Prometheus : " + p.url() + " (règles SLA : " + p.url() + "/rules)")
                .orElse(env("ENT_PROMETHEUS_URL", "").isEmpty() ? "  " + LocalPrometheus.NOT_INSTALLED
                        : "  Prometheus : " + env("ENT_PROMETHEUS_URL", "")));
        say("Journaux : " + server.outputDirectory().resolve(LibertyServer.SERVER_NAME).resolve("logs/messages.log"));
        say("Ctrl-C pour arrêter.");
        stopped.await();
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean isFree(int port) {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static String env(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
