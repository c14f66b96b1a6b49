package fr.ent.platform.tenants.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.settings.InvalidSettingException;
import fr.ent.platform.settings.SettingReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void defaultsToOneRoleAndFourMigrationsAtOnce() {
        DatabaseSettings database = DatabaseSettings.from(SettingReader.of(Map.of()));
        assertThat(database.runtimeRole()).isEmpty();
        assertThat(database.migrationParallelism()).isEqualTo(4);
    }

    @Test
    void readsTheRuntimeRole() {
        assertThat(DatabaseSettings.from(SettingReader.of(Map.of("ent.database.runtime-role", "ent_runtime")))
                .runtimeRole()).contains("ent_runtime");
    }

    @Test
    void aParallelismThatIsNotANumberStopsTheStart() {
        assertThatThrownBy(() -> DatabaseSettings.from(SettingReader.of(Map.of("ent.migration.parallelism", "four"))))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("ent.migration.parallelism (ENT_MIGRATION_PARALLELISM)");
    }
}
