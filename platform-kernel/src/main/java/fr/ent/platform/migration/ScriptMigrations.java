package fr.ent.platform.migration;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.api.CoreMigrationType;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.executor.MigrationExecutor;
import org.flywaydb.core.api.resolver.MigrationResolver;
import org.flywaydb.core.api.resolver.ResolvedMigration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.jdbc.Results;
import org.flywaydb.core.internal.resolver.ChecksumCalculator;
import org.flywaydb.core.internal.resolver.ResolvedMigrationImpl;

/**
 * The versioned SQL migrations of an index ({@link IndexedMigrations}), read once and sent to PostgreSQL as whole
 * scripts, for a Flyway that migrates many schemas with the same files (a collectivity's apps, issue 19). Flyway's
 * own resolver reads, parses and splits every file again for each schema and sends it statement by statement: that
 * parsing was a quarter of a collectivity's migration CPU, and the statements a round trip each. Here the file is
 * read once per process, and its text goes in one {@code execute}, inside the transaction Flyway opened (the
 * PostgreSQL driver sends its statements together; the first that fails fails the migration, which Flyway records as
 * it does any failure). What Flyway records is unchanged: version, description and script from the file name as its
 * own resolver makes them, checksum by its own calculator — a schema migrated either way has the same history, and
 * one migrated by plain Flyway is validated and carried forward here.
 *
 * <p>What the scripts must then do without: Flyway placeholders (none is replaced), statements that cannot run in a
 * transaction ({@code CREATE INDEX CONCURRENTLY}: PostgreSQL refuses them in the script's transaction, loudly), and
 * repeatable migrations (only {@code V<n>__<description>.sql} files are resolved; another name in an index fails).
 */
final class ScriptMigrations implements MigrationResolver {

    private static final Pattern VERSIONED = Pattern.compile("^V([0-9][0-9._]*)__(.+)\\.sql$");

    private final List<ResolvedMigration> migrations;

    ScriptMigrations(List<LoadableResource> resources) {
        List<ResolvedMigrationImpl> resolved = new ArrayList<>();
        for (LoadableResource resource : resources) {
            Matcher name = VERSIONED.matcher(resource.getFilename());
            if (!name.matches()) {
                throw new IllegalStateException("not a versioned SQL migration: " + resource.getRelativePath());
            }
            String script = read(resource);
            resolved.add(new ResolvedMigrationImpl(MigrationVersion.fromVersion(name.group(1).replace('_', '.')),
                    name.group(2).replace('_', ' '), resource.getRelativePath(),
                    ChecksumCalculator.calculate(resource), null, CoreMigrationType.SQL,
                    resource.getAbsolutePathOnDisk(), new WholeScript(script)));
        }
        resolved.sort(Comparator.comparing(ResolvedMigration::getVersion));
        this.migrations = List.copyOf(resolved);
    }

    @Override
    public Collection<ResolvedMigration> resolveMigrations(MigrationResolver.Context context) {
        return migrations;
    }

    private static String read(LoadableResource resource) {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        try (Reader reader = resource.read()) {
            for (int n; (n = reader.read(buffer)) >= 0; ) {
                text.append(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration " + resource.getRelativePath(), e);
        }
        return text.toString();
    }

    /** One script's text, sent at once on the connection of Flyway's transaction. */
    private record WholeScript(String sql) implements MigrationExecutor {

        @Override
        public List<Results> execute(org.flywaydb.core.api.executor.Context context) throws SQLException {
            try (Statement statement = context.getConnection().createStatement()) {
                statement.execute(sql);
            }
            return List.of();
        }

        @Override
        public boolean canExecuteInTransaction() {
            return true;
        }

        @Override
        public boolean shouldExecute() {
            return true;
        }
    }
}
