package fr.ent.platform.keycloak.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A built home copied for a second server: its build, not its realms, log or hosts; never over a complete home. */
class BuiltHomeCopyTest {

    @TempDir
    Path dir;

    @Test
    void copiesTheBuildWithoutTheRealmsAndMarksTheCopyComplete() throws Exception {
        Path built = builtHome("built");
        Path own = dir.resolve("own");

        assertThat(LocalKeycloak.copyBuiltHome(built, own)).isTrue();

        assertThat(own.resolve("lib/quarkus/build-system.properties")).hasContent("built");
        assertThat(own.resolve("bin/kc.sh")).isExecutable();
        assertThat(own.resolve("data")).doesNotExist();
        assertThat(own.resolve("keycloak.log")).doesNotExist();
        assertThat(own.resolve("hosts")).doesNotExist();
        assertThat(own.resolve(".ent-unpacked")).hasContent(Distribution.version());
    }

    @Test
    void leavesACompleteHomeAsItIsAndCopiesNothingFromAnIncompleteOne() throws Exception {
        Path built = builtHome("built");
        Path own = dir.resolve("own");
        LocalKeycloak.copyBuiltHome(built, own);
        Files.writeString(own.resolve("lib/quarkus/build-system.properties"), "rebuilt here");

        assertThat(LocalKeycloak.copyBuiltHome(built, own)).isFalse();
        assertThat(own.resolve("lib/quarkus/build-system.properties")).hasContent("rebuilt here");

        Path unfinished = dir.resolve("unfinished");
        Files.createDirectories(unfinished.resolve("lib"));
        assertThat(LocalKeycloak.copyBuiltHome(unfinished, dir.resolve("other"))).isFalse();
        assertThat(dir.resolve("other")).doesNotExist();
    }

    private Path builtHome(String name) throws Exception {
        Path home = dir.resolve(name);
        Files.createDirectories(home.resolve("lib/quarkus"));
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("data/h2"));
        Files.writeString(home.resolve("lib/quarkus/build-system.properties"), "built");
        Files.writeString(home.resolve("bin/kc.sh"), "#!/bin/sh\n");
        home.resolve("bin/kc.sh").toFile().setExecutable(true);
        Files.writeString(home.resolve("data/h2/keycloakdb.mv.db"), "realms");
        Files.writeString(home.resolve("keycloak.log"), "log");
        Files.writeString(home.resolve("hosts"), "127.0.0.1 localhost");
        Files.writeString(home.resolve(".ent-unpacked"), Distribution.version() + "\n");
        return home;
    }
}
