package fr.ent.platform.apps.directory.aaf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Our fictional AAF files (src/test/resources/aaf): a complete export of ENTFICTIF, then a delta. */
final class AafFixtures {

    private AafFixtures() {
    }

    static List<Path> complete() {
        return files("aaf/complet");
    }

    static List<Path> delta() {
        return files("aaf/delta");
    }

    static Path file(String folder, String kindWord) {
        return files("aaf/" + folder).stream().filter(p -> p.getFileName().toString().contains("_" + kindWord + "_"))
                .findFirst().orElseThrow();
    }

    static InputStream open(Path p) {
        try {
            return Files.newInputStream(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> files(String folder) {
        try (Stream<Path> s = Files.list(Path.of(AafFixtures.class.getClassLoader().getResource(folder).toURI()))) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
