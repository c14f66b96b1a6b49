package fr.ent.platform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Without the prometheus binary the platform starts without one and says, in French, how to install it (the
 * launcher prints the platform's progress); nothing is said when no Prometheus of its own was asked for.
 */
class PrometheusMissingTest {

    @Test
    void withoutTheBinaryThePlatformSaysHowToInstallIt() throws Exception {
        List<String> said = new ArrayList<>();
        LocalPrometheus started = LocalPlatform.startPrometheus(setup(said, new LocalPlatform.OwnPrometheus(
                Path.of("target/prometheus-absent"), 9090, Duration.ofSeconds(15))), Optional.empty());

        assertThat(started).isNull();
        assertThat(said).singleElement().asString().startsWith("Prometheus n'est pas installé")
                .contains("prometheus-not-configured", "sudo apt-get install prometheus", "./run-platform.sh");
    }

    @Test
    void notAskedForNothingIsStartedNorSaid() throws Exception {
        List<String> said = new ArrayList<>();
        assertThat(LocalPlatform.startPrometheus(setup(said, new LocalPlatform.NoPrometheus()),
                Optional.of(Path.of("/usr/bin/prometheus")))).isNull();
        assertThat(said).isEmpty();
    }

    private static LocalPlatform.Setup setup(List<String> said, LocalPlatform.Monitoring monitoring) {
        return new LocalPlatform.Setup(Path.of("wlp"), Path.of("work"), "liberty", Path.of("pgdata"), true, 1,
                new LocalPlatform.OwnKeycloak(Path.of("keycloak"), 2, 3), 4, 5, Map.of(), said::add, monitoring);
    }
}
