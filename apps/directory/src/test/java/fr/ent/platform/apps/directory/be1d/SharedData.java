package fr.ent.platform.apps.directory.be1d;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The real BE1D sample kept outside the repository, in {@code shared/data} next to it (see
 * shared/data/README.md). Found by walking up from the working directory; its absence fails the test loudly:
 * these tests exist to prove the parser reads a real export.
 */
final class SharedData {

    static final String SCHOOL = "be1d-ecole-emile-zola";

    private SharedData() {
    }

    static Path school() {
        Path start = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data").resolve(SCHOOL);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("The real BE1D sample shared/data/" + SCHOOL + " was not found in any parent"
                + " of " + start + ". It lives next to the repository (e.g. /work/shared/data/" + SCHOOL + "); see"
                + " shared/data/README.md. These tests need it and do not skip.");
    }

    static byte[] read(String fileName) {
        try {
            return Files.readAllBytes(school().resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] eleves() {
        return read("CSVExtraction-eleves.csv");
    }

    static byte[] enseignants() {
        return read("CSVExtraction-enseignants.csv");
    }

    static byte[] responsables() {
        return read("CSVExtraction-responsables.csv");
    }
}
