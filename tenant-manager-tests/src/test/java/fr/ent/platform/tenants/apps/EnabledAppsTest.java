package fr.ent.platform.tenants.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The apps a collectivity may choose: every migrated app but those always on (the tenant console). */
class EnabledAppsTest {

    @Test
    void theConsoleIsMigratedButNeverOffered() {
        EnabledApps apps = new EnabledApps(null, List.of("directory", "flash", "console", "diary"));
        assertThat(apps.installed()).containsExactly("directory", "flash", "diary");
    }
}
