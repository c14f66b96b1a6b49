package fr.ent.platform.migration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.resource.classpath.ClassPathResource;

/**
 * Flyway migrations found through an index file ({@code <folder>/index}, one file name per line) instead of by
 * scanning the class path: Flyway's class-path scanner cannot list a folder inside an application deployed on
 * Open Liberty ("Unable to resolve location"). A unit test keeps each index equal to its folder's content.
 * Flyway still looks for SQL callbacks in {@code db/callback}: that folder holds only the empty marker file
 * {@code flyway.location} that Flyway's WebSphere support needs to find a folder, so the look-up finds nothing
 * instead of logging an error for every migrated schema.
 */
public final class IndexedMigrations implements ResourceProvider {

    private final List<LoadableResource> resources;

    private IndexedMigrations(List<LoadableResource> resources) {
        this.resources = resources;
    }

    /** A Flyway configuration reading the migrations of {@code folder} (e.g. "db/tenant") through its index. */
    public static FluentConfiguration configure(String folder, ClassLoader classLoader) {
        return configure(folder, classLoader, resources(folder, classLoader));
    }

    /**
     * The same migrations, each read once and sent as one script ({@link ScriptMigrations}): for a Flyway that
     * migrates many schemas with the same files.
     */
    public static FluentConfiguration configureAsScripts(String folder, ClassLoader classLoader) {
        List<LoadableResource> resources = resources(folder, classLoader);
        return configure(folder, classLoader, resources)
                .resolvers(new ScriptMigrations(resources))
                .skipDefaultResolvers(true);
    }

    private static FluentConfiguration configure(String folder, ClassLoader classLoader,
            List<LoadableResource> resources) {
        return org.flywaydb.core.Flyway.configure(classLoader)
                .locations(new Location("classpath:" + folder))
                .resourceProvider(new IndexedMigrations(resources))
                .javaMigrationClassProvider(List::of);
    }

    private static List<LoadableResource> resources(String folder, ClassLoader classLoader) {
        Location location = new Location("classpath:" + folder);
        List<LoadableResource> resources = new ArrayList<>();
        for (String name : index(folder, classLoader)) {
            resources.add(new ClassPathResource(location, folder + "/" + name, classLoader, StandardCharsets.UTF_8));
        }
        return List.copyOf(resources);
    }

    /** The file names listed in {@code folder/index}, in order, blank lines and # comments ignored. */
    public static List<String> index(String folder, ClassLoader classLoader) {
        try (InputStream in = classLoader.getResourceAsStream(folder + "/index")) {
            if (in == null) {
                throw new IllegalStateException("no migration index at " + folder + "/index");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public LoadableResource getResource(String name) {
        return resources.stream().filter(r -> r.getRelativePath().equals(name) || r.getFilename().equals(name))
                .findFirst().orElse(null);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return resources.stream()
                .filter(r -> r.getFilename().startsWith(prefix))
                .filter(r -> Arrays.stream(suffixes).anyMatch(s -> r.getFilename().endsWith(s)))
                .toList();
    }
}
