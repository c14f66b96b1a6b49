package fr.ent.platform.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An app never uses another app's classes (design/apps.md): it reaches another app through a contract of the
 * runtime ({@code runtime.documents.DocumentLibrary}, {@code runtime.notify.Timeline}, {@code runtime.sharing}...),
 * implemented by that app and found by CDI, so that each app can change, or be left out of the war, alone. Read
 * from every app module's pom (no {@code app-*} dependency) and sources (Java and jte templates: no
 * {@code fr.ent.platform.apps.<other>} name).
 *
 * <p>The one exception is the directory, whose services (classes, "Ma classe", structures) every app of the
 * roadmap reads as the platform's directory; it is an app module for historical reasons (docs/notes.md).
 */
class AppsStayApartTest {

    /** Apps whose classes other apps may use, and why (above). */
    private static final Set<String> SHARED = Set.of("directory");
    private static final Pattern OTHER_APP_CLASS = Pattern.compile("\\bfr\\.ent\\.platform\\.apps\\.([a-z_][a-z0-9_]*)");
    private static final Pattern OTHER_APP_MODULE = Pattern.compile("<artifactId>app-([a-z0-9-]+)</artifactId>");

    @Test
    void noAppUsesAnotherAppsClasses() throws IOException {
        List<String> apps = apps();
        assertThat(apps).as("app modules read").contains("diary", "documents", "messagerie", "directory");
        List<String> crossings = new ArrayList<>();
        for (String app : apps) {
            Path module = OurSources.repositoryRoot().resolve("apps").resolve(app);
            for (String used : modulesUsed(Files.readString(module.resolve("pom.xml")), app)) {
                crossings.add("apps/" + app + "/pom.xml depends on app-" + used);
            }
            Path main = module.resolve("src/main");
            if (!Files.isDirectory(main)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(main)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".jte"))
                        .toList()) {
                    for (String used : classesUsed(Files.readString(file), app)) {
                        crossings.add(OurSources.repositoryRoot().relativize(file) + " uses fr.ent.platform.apps."
                                + used);
                    }
                }
            }
        }
        assertThat(crossings).as("an app reaching into another app: use or add a contract in ent-runtime instead")
                .isEmpty();
    }

    @Test
    void theRuleSeesACrossing() {
        assertThat(classesUsed("import fr.ent.platform.apps.documents.space.Documents;\n"
                + "import fr.ent.platform.apps.diary.Views;\nimport fr.ent.platform.apps.directory.service.X;", "diary"))
                .containsExactly("documents");
        assertThat(modulesUsed("<artifactId>app-diary</artifactId><artifactId>app-documents</artifactId>"
                + "<artifactId>app-directory</artifactId>", "diary")).containsExactly("documents");
    }

    /** Other apps (not shared) named by a source of {@code app}. */
    static Set<String> classesUsed(String source, String app) {
        return others(OTHER_APP_CLASS.matcher(source), app);
    }

    /** Other app modules (not shared) a pom of {@code app} names. */
    static Set<String> modulesUsed(String pom, String app) {
        return others(OTHER_APP_MODULE.matcher(pom), app);
    }

    private static Set<String> others(Matcher m, String app) {
        Set<String> used = new TreeSet<>();
        while (m.find()) {
            String other = m.group(1);
            if (!other.equals(app) && !SHARED.contains(other)) {
                used.add(other);
            }
        }
        return used;
    }

    private static List<String> apps() throws IOException {
        try (Stream<Path> dirs = Files.list(OurSources.repositoryRoot().resolve("apps"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml"))).map(d -> d.getFileName().toString())
                    .sorted().toList();
        }
    }
}
