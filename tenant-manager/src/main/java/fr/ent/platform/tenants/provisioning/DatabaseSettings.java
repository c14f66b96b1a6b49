package fr.ent.platform.tenants.provisioning;

import fr.ent.platform.settings.SettingReader;
import java.util.Optional;

/**
 * tenant-manager's database settings beyond the data source itself (server.xml reads {@code ENT_DB_*}).
 *
 * @param runtimeRole          {@code ent.database.runtime-role}: the role ent-runtime connects as when it differs
 *                             from tenant-manager's; each collectivity role is granted to it
 * @param migrationParallelism {@code ent.migration.parallelism} (4): schemas migrated at once by a schema upgrade
 */
public record DatabaseSettings(Optional<String> runtimeRole, int migrationParallelism) {

    public static DatabaseSettings from(SettingReader settings) {
        return new DatabaseSettings(settings.text("ent.database.runtime-role"),
                settings.integer("ent.migration.parallelism", 4, 1, 64));
    }
}
