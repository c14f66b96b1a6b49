package fr.ent.platform.it.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.it.Platform;
import fr.ent.platform.local.DemoData;
import fr.ent.platform.testing.keycloak.SharedKeycloak;
import fr.ent.platform.testing.login.LoginAgent;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Keycloak stops answering (its processes frozen with SIGSTOP: connections open and nothing comes back, the worst
 * case for callers) while a pupil is signed in: her pages keep working, and someone who tries to sign in gets the
 * portal's readable page (503, in French, no stack trace) instead of the browser's error. Once Keycloak answers again,
 * signing in works (issue 18, reliability tests). After the other classes, as those that restart the server: the SLA
 * traffic started early in the run (SlaTrafficEarlyStart) signs in too, and must not meet a frozen Keycloak.
 */
@Order(Platform.RESTARTS_THE_SERVER)
@Isolated
class KeycloakDownIT {

    private final Platform platform = Platform.get();

    @Test
    void signedInPeopleGoOnAndNewLoginsGetAReadablePage() throws Exception {
        DemoData.Demo demo = DemoData.DEMOS.get(0);
        List<DemoData.Account> accounts = platform.demos();
        DemoData.Account pupil = accounts.stream().filter(a -> a.profile().equals("Student"))
                .filter(a -> a.collectivity().equals(demo.displayName())).findFirst().orElseThrow();
        String portal = "http://" + demo.domain() + ":" + platform.server().runtimeBase().getPort();
        LoginAgent signedIn = Logins.portal(platform, demo.domain(), pupil.username(), DemoData.DEMO_PASSWORD);

        List<ProcessHandle> keycloak = keycloakProcesses();
        signal("STOP", keycloak);
        try {
            HttpResponse<String> home = signedIn.get(portal + "/");
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("Se déconnecter");

            // the portal remembers Keycloak's last answer for 10 s (IdentityProviderProbe.KEEP_ANSWER): her own
            // sign-in a moment ago was one
            Thread.sleep(Duration.ofSeconds(11));
            LoginAgent newcomer = new LoginAgent(platform.server().runtimeBase());
            HttpResponse<String> login = newcomer.get(portal + "/auth/login?return=/");
            assertThat(login.statusCode()).isEqualTo(503);
            assertThat(login.headers().firstValue("Retry-After")).contains("60");
            assertThat(login.body()).contains("Service d'authentification indisponible")
                    .doesNotContain("Exception", "at fr.ent");
        } finally {
            signal("CONT", keycloak);
        }

        // Keycloak answers again: after the probe's short memory of the silence, signing in works
        Thread.sleep(Duration.ofSeconds(4));
        LoginAgent again = Logins.portal(platform, demo.domain(), pupil.username(), DemoData.DEMO_PASSWORD);
        assertThat(again.get(portal + "/").body()).contains("Se déconnecter");
    }

    private static List<ProcessHandle> keycloakProcesses() {
        ProcessHandle root = SharedKeycloak.server().process();
        return Stream.concat(Stream.of(root), root.descendants()).filter(ProcessHandle::isAlive).toList();
    }

    private static void signal(String signal, List<ProcessHandle> processes) throws Exception {
        for (ProcessHandle p : processes) {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start();
            assertThat(kill.waitFor()).as("kill -%s %s", signal, p.pid()).isZero();
        }
    }
}
