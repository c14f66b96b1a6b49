package fr.ent.platform.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The apps' entities name their tables without a schema; TenantData's opening statement gives every unit of work its
 * collectivity's search path and role (ADR 0002). What keeps one collectivity's row from reaching another is then
 * that nothing is cached across units of work: an entity is keyed by its id alone, so a shared (second-level) cache
 * would hand a row read for collectivity A to a request of collectivity B that asks for the same id. Every persistence
 * unit of the runtime must therefore turn the shared cache off.
 */
class TenantUnitsShareNoCacheTest {

    @Test
    void everyPersistenceUnitOfTheRuntimeTurnsTheSharedCacheOff() throws IOException {
        Path root = OurSources.repositoryRoot();
        List<Path> units;
        try (Stream<Path> files = Files.walk(root)) {
            units = files.filter(f -> f.endsWith(Path.of("src/main/resources/META-INF/persistence.xml")))
                    .filter(f -> root.relativize(f).startsWith("apps") || root.relativize(f).startsWith("ent-runtime"))
                    .toList();
        }
        assertThat(units).as("the apps' persistence units").hasSizeGreaterThan(3);
        for (Path unit : units) {
            String xml = Files.readString(unit);
            int declared = xml.split("<persistence-unit ", -1).length - 1;
            int noCache = xml.split("<shared-cache-mode>NONE</shared-cache-mode>", -1).length - 1;
            assertThat(noCache).as(root.relativize(unit) + ": every persistence unit has <shared-cache-mode>NONE")
                    .isEqualTo(declared);
        }
    }
}
