package fr.ent.platform.tenants.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.settings.SettingReader;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeletionDelayTest {

    @Test
    void productionKeepsTheRuleNinetyDaysByDefaultAndAtMost() {
        assertThat(DeletionDelay.from(SettingReader.of(Map.of())).of("lyon")).isEqualTo(Duration.ofDays(90));
        assertThat(DeletionDelay.from(SettingReader.of(Map.of("ent.accounts.deletion.delay.days", "30")))
                .of("lyon")).isEqualTo(Duration.ofDays(30));
        // more than the rule allows is refused, the shortened delay included: never beyond 90 days
        assertThatThrownBy(() -> DeletionDelay.from(SettingReader.of(Map.of("ent.accounts.deletion.delay.days",
                "400")))).hasMessageContaining("from 0 to 90");
        assertThatThrownBy(() -> DeletionDelay.from(SettingReader.of(Map.of("ent.accounts.deletion.delay-seconds",
                "99999999")))).hasMessageContaining("ent.accounts.deletion.delay-seconds");
    }

    @Test
    void testsShortenItEverywhereOrOnlyForTheCollectivitiesTheyName() {
        DeletionDelay everywhere = DeletionDelay.from(SettingReader.of(Map.of(
                "ent.accounts.deletion.delay-seconds", "20")));
        assertThat(everywhere.of("lyon")).isEqualTo(Duration.ofSeconds(20));

        DeletionDelay some = DeletionDelay.from(SettingReader.of(Map.of("ent.accounts.deletion.delay-seconds", "20",
                "ent.accounts.deletion.delay-seconds-for", "rights-, other-")));
        assertThat(some.of("rights-abcdef")).isEqualTo(Duration.ofSeconds(20));
        assertThat(some.of("other-x")).isEqualTo(Duration.ofSeconds(20));
        assertThat(some.of("lyon")).isEqualTo(Duration.ofDays(90));
        assertThat(some.toString()).contains("20 s", "rights-", "90 days");
    }
}
