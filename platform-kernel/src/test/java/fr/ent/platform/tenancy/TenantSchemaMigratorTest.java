package fr.ent.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The apps' versions a build expects, and the registry text they are recorded as (test apps in src/test/resources). */
class TenantSchemaMigratorTest {

    private final ClassLoader loader = getClass().getClassLoader();

    @Test
    void installed_apps_are_read_from_the_index_in_their_migration_order() {
        assertThat(TenantSchemaMigrator.installedApps(loader)).containsExactly("beta", "alpha", "empty");
    }

    @Test
    void the_target_is_each_app_highest_migration_and_apps_without_migrations_are_left_out() {
        AppSchemas target = TenantSchemaMigrator.ofInstalledApps(null, loader).target();
        assertThat(target.versions()).isEqualTo(Map.of("alpha", "3", "beta", "1"));
        assertThat(target.toString()).isEqualTo("alpha=3,beta=1");
    }

    @Test
    void the_registry_text_reads_back_and_a_version_from_before_the_apps_reads_as_nothing() {
        assertThat(AppSchemas.parse("beta=1,alpha=3")).isEqualTo(AppSchemas.expected(List.of("alpha", "beta"), loader));
        assertThat(AppSchemas.parse("2").versions()).isEmpty();
        assertThat(AppSchemas.parse(null).versions()).isEmpty();
        assertThat(AppSchemas.parse("2")).isNotEqualTo(AppSchemas.expected(List.of("alpha"), loader));
    }
}
