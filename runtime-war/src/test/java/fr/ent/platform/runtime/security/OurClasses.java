package fr.ent.platform.runtime.security;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** The names of the project's classes ({@code fr.ent.platform.*}) on the test class path: the assembled runtime. */
public final class OurClasses {

    private static final String ROOT = "fr/ent/platform/";

    private OurClasses() {
    }

    public static List<String> names() throws IOException {
        List<String> names = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    files.map(f -> path.relativize(f).toString().replace(File.separatorChar, '/'))
                            .filter(OurClasses::ours).forEach(n -> names.add(className(n)));
                }
            } else if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
                try (JarFile jar = new JarFile(path.toFile())) {
                    jar.stream().map(e -> e.getName()).filter(OurClasses::ours).forEach(n -> names.add(className(n)));
                }
            }
        }
        return names;
    }

    private static boolean ours(String file) {
        return file.startsWith(ROOT) && file.endsWith(".class") && !file.contains("/jte/")
                && !file.endsWith("Test.class") && !file.endsWith("OurClasses.class");
    }

    private static String className(String file) {
        return file.substring(0, file.length() - ".class".length()).replace('/', '.');
    }
}
