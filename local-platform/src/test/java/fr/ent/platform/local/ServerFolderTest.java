package fr.ent.platform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers started from one assembled install get server folders of their own: what one writes there (expanded
 * applications, configuration overrides) never reaches the install or the other.
 */
class ServerFolderTest {

    @TempDir
    Path dir;
    private Path home;

    @BeforeEach
    void assembled() throws Exception {
        home = dir.resolve("wlp");
        Path server = home.resolve("usr/servers/entServer");
        Files.createDirectories(server.resolve("apps"));
        Files.createDirectories(server.resolve("lib/jdbc"));
        Files.createDirectories(server.resolve("workarea"));
        Files.writeString(server.resolve("server.xml"), "<server/>");
        Files.writeString(server.resolve("jvm.options"), "-Xmx1g");
        Files.writeString(server.resolve("apps/tenant-manager.war"), "war");
        Files.writeString(server.resolve("lib/jdbc/postgresql.jar"), "jar");
    }

    @Test
    void eachOutputHasItsOwnFolderWithTheConfigurationCopiedAndTheArchivesLinked() throws Exception {
        Path userA = ServerFolder.prepare(home, dir.resolve("a"));
        Path userB = ServerFolder.prepare(home, dir.resolve("b"));

        assertThat(userA).isNotEqualTo(userB);
        Path a = ServerFolder.configDirectory(dir.resolve("a"));
        assertThat(a).isEqualTo(userA.resolve("servers/entServer"));
        assertThat(a.resolve("server.xml")).hasContent("<server/>");
        assertThat(Files.isSymbolicLink(a.resolve("server.xml"))).isFalse();
        assertThat(Files.isSymbolicLink(a.resolve("apps/tenant-manager.war"))).isTrue();
        assertThat(a.resolve("apps/tenant-manager.war")).hasContent("war");
        assertThat(a.resolve("lib/jdbc/postgresql.jar")).hasContent("jar");
        assertThat(a.resolve("workarea")).doesNotExist();

        // what a server writes into its folder stays there
        Files.createDirectories(a.resolve("apps/expanded/tenant-manager.war"));
        Files.createDirectories(a.resolve("configDropins/overrides"));
        Files.writeString(a.resolve("configDropins/overrides/bench.xml"), "<server/>");
        assertThat(home.resolve("usr/servers/entServer/apps/expanded")).doesNotExist();
        assertThat(home.resolve("usr/servers/entServer/configDropins")).doesNotExist();
        assertThat(ServerFolder.configDirectory(dir.resolve("b")).resolve("apps/expanded")).doesNotExist();
    }

    @Test
    void aRestartOnTheSameOutputTakesTheInstallsCurrentConfigurationAndKeepsItsExpandedApplications()
            throws Exception {
        ServerFolder.prepare(home, dir.resolve("a"));
        Path a = ServerFolder.configDirectory(dir.resolve("a"));
        Files.createDirectories(a.resolve("apps/expanded/tenant-manager.war"));
        Files.writeString(home.resolve("usr/servers/entServer/server.xml"), "<server description=\"new\"/>");

        ServerFolder.prepare(home, dir.resolve("a"));

        assertThat(a.resolve("server.xml")).hasContent("<server description=\"new\"/>");
        assertThat(a.resolve("apps/expanded/tenant-manager.war")).isDirectory();
    }
}
