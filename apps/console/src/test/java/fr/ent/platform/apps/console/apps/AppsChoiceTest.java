package fr.ent.platform.apps.console.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One app turned on or off in the collectivity's choice; undoing a change gives back "every app". */
class AppsChoiceTest {

    static final List<String> INSTALLED = List.of("actualites", "diary", "directory", "flash");

    @Test
    void turning_an_app_off_lists_the_others_and_back_on_is_every_app_again() {
        AppsChoice all = new AppsChoice(Optional.empty(), INSTALLED);
        assertThat(all.enables("diary")).isTrue();
        AppsChoice withoutDiary = all.with("diary", false);
        assertThat(withoutDiary.enabled()).contains(List.of("actualites", "directory", "flash"));
        assertThat(withoutDiary.enables("diary")).isFalse();
        assertThat(withoutDiary.with("diary", true).enabled()).isEmpty();
    }

    @Test
    void a_chosen_list_stays_a_list_and_forgets_apps_no_longer_installed() {
        AppsChoice chosen = new AppsChoice(Optional.of(List.of("directory", "gone")), INSTALLED);
        assertThat(chosen.with("flash", true).enabled()).contains(List.of("directory", "flash"));
        assertThat(chosen.with("directory", false).enabled()).contains(List.of());
        assertThatThrownBy(() -> chosen.with("console", false)).isInstanceOf(IllegalArgumentException.class);
    }
}
