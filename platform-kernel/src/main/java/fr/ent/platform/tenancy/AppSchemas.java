package fr.ent.platform.tenancy;

import fr.ent.platform.migration.IndexedMigrations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The schema versions of a collectivity's apps, as recorded in the registry ({@code schema_version}) and as a
 * build of the platform expects them: {@code directory=2,notifications=1}, apps in alphabetical order, so that two
 * builds with the same apps at the same migrations write the same text. Each app's migrations live in its own
 * module under {@code db/apps/<app id>/} with an {@code index} (see {@link IndexedMigrations}), and have their own
 * Flyway history table in the collectivity schema.
 */
public record AppSchemas(Map<String, String> versions) {

    private static final Pattern VERSIONED = Pattern.compile("^V(\\d+)__.+\\.sql$");

    public AppSchemas {
        versions = Map.copyOf(new TreeMap<>(versions));
    }

    /** The migrations folder of an app. */
    public static String folder(String app) {
        return "db/apps/" + app;
    }

    /** What a build holding these apps' migrations (on {@code loader}) expects; an app without migrations is left out. */
    public static AppSchemas expected(List<String> apps, ClassLoader loader) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (String app : apps) {
            highestVersion(app, loader).ifPresent(v -> versions.put(app, v));
        }
        return new AppSchemas(versions);
    }

    /** The version of the last migration an app ships, if it has any. */
    public static Optional<String> highestVersion(String app, ClassLoader loader) {
        if (loader.getResource(folder(app) + "/index") == null) {
            return Optional.empty();
        }
        return IndexedMigrations.index(folder(app), loader).stream()
                .map(VERSIONED::matcher).filter(Matcher::matches)
                .map(m -> Integer.parseInt(m.group(1))).max(Integer::compare).map(String::valueOf);
    }

    /** Reads the registry's text; a text from before the apps ({@code "2"}) or none gives no versions. */
    public static AppSchemas parse(String text) {
        Map<String, String> versions = new TreeMap<>();
        if (text != null) {
            for (String part : text.split(",")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    versions.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
                }
            }
        }
        return new AppSchemas(versions);
    }

    @Override
    public String toString() {
        return new TreeMap<>(versions).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }
}
