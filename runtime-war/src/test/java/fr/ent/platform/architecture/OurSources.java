package fr.ent.platform.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The main sources of every module of the repository (platform, apps, tenant-manager, operator...), read from the
 * files: the runtime's class path does not hold tenant-manager or the operator, the sources do.
 */
final class OurSources {

    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    /** A source file: its module-relative path, package, simple class name and code without comments. */
    record Source(Path path, String packageName, String simpleName, String code) {
    }

    private OurSources() {
    }

    static List<Source> all() throws IOException {
        Path root = repositoryRoot();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> root.relativize(f).toString().replace('\\', '/').matches("(.+/)?src/main/java/.+"))
                    .filter(f -> !root.relativize(f).toString().contains("target"))
                    .map(f -> read(root, f)).toList();
        }
    }

    /** The directory holding the parent pom and platform-kernel, above the module the test runs in. */
    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("platform-kernel")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("repository root not found above " + Path.of("").toAbsolutePath());
    }

    private static Source read(Path root, Path file) {
        try {
            String text = Files.readString(file);
            Matcher p = PACKAGE.matcher(text);
            String packageName = p.find() ? p.group(1) : "";
            String name = file.getFileName().toString();
            return new Source(root.relativize(file), packageName, name.substring(0, name.length() - ".java".length()),
                    COMMENT.matcher(text).replaceAll(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
