package fr.ent.platform.apps.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleRouteTest {

    @Test
    void each_route_matches_its_own_path_and_id() {
        for (ConsoleRoute route : ConsoleRoute.values()) {
            ConsoleRoute.Match match = ConsoleRoute.of(route.method(), route.path("abc")).orElseThrow();
            assertThat(match.route()).as(route.pattern()).isEqualTo(route);
            assertThat(match.id()).isEqualTo(route.pattern().contains("{id}") ? "abc" : null);
        }
    }

    @Test
    void a_literal_segment_wins_over_an_id() {
        assertThat(ConsoleRoute.of("GET", "/console/schools/new").orElseThrow().route())
                .isEqualTo(ConsoleRoute.SCHOOLS_NEW);
        assertThat(ConsoleRoute.of("GET", "/console/schools/123").orElseThrow().route())
                .isEqualTo(ConsoleRoute.SCHOOL);
    }

    @Test
    void imports_are_told_apart_from_a_schools_imports() {
        assertThat(ConsoleRoute.of("GET", "/console/imports/schools/42").orElseThrow())
                .isEqualTo(new ConsoleRoute.Match(ConsoleRoute.IMPORT_SCHOOL, "42"));
        assertThat(ConsoleRoute.of("POST", "/console/imports/schools/42").orElseThrow())
                .isEqualTo(new ConsoleRoute.Match(ConsoleRoute.IMPORT_DRY_RUN, "42"));
        assertThat(ConsoleRoute.of("POST", "/console/imports/7/confirm").orElseThrow())
                .isEqualTo(new ConsoleRoute.Match(ConsoleRoute.IMPORT_CONFIRM, "7"));
        assertThat(ConsoleRoute.of("GET", "/console/imports/7/confirm")).as("a POST only").isEmpty();
        assertThat(ConsoleRoute.of("GET", "/console/activation/schools/42/letters")).as("a POST only").isEmpty();
        assertThat(ConsoleRoute.LETTERS.changes()).isTrue();
    }

    @Test
    void other_paths_and_methods_are_no_route() {
        assertThat(ConsoleRoute.of("GET", "/console/nothing")).isEmpty();
        assertThat(ConsoleRoute.of("DELETE", "/console/schools/1")).isEmpty();
        assertThat(ConsoleRoute.of("GET", "/console/schools/1/classes")).as("a POST only").isEmpty();
        assertThat(ConsoleRoute.of("GET", "/console/users//")).isEmpty();
        assertThat(ConsoleRoute.of("GET", "/console/")).map(ConsoleRoute.Match::route).contains(ConsoleRoute.HOME);
    }

    @Test
    void only_posts_change_and_need_the_token() {
        assertThat(ConsoleRoute.SCHOOL.changes()).isFalse();
        assertThat(ConsoleRoute.SCHOOL_UPDATE.changes()).isTrue();
    }
}
