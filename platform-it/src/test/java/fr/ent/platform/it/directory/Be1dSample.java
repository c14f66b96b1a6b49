package fr.ent.platform.it.directory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The real BE1D export of École Émile Zola, kept in {@code shared/data} next to the repository (see
 * shared/data/README.md), found by walking up from the working directory. Its absence fails the test: the import
 * must be proven on a real export, not skipped.
 */
final class Be1dSample {

    static final String SCHOOL = "be1d-ecole-emile-zola";

    private Be1dSample() {
    }

    static Path directory() {
        Path start = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data").resolve(SCHOOL);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("The real BE1D sample shared/data/" + SCHOOL + " was not found in any parent"
                + " of " + start + " (expected next to the repository, e.g. /work/shared/data/" + SCHOOL + ")."
                + " See shared/data/README.md; the directory import tests need it.");
    }

    static byte[] file(String kind) {
        try {
            return Files.readAllBytes(directory().resolve("CSVExtraction-" + kind + ".csv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The three parts of a BE1D import, named as the API expects them. */
    static Map<String, byte[]> allParts() {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("eleves", file("eleves"));
        parts.put("enseignants", file("enseignants"));
        parts.put("responsables", file("responsables"));
        return parts;
    }
}
