package fr.ent.platform.apps.wiki.courses.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The course pages' paths, those of a course's communities among them. */
class CourseRouteTest {

    static final String COURSE = UUID.randomUUID().toString();
    static final String COMMUNITY = UUID.randomUUID().toString();

    @Test
    void a_course_and_its_communities() {
        assertThat(CourseRoute.of("/" + COURSE)).contains(new CourseRoute("courses", COURSE, "", ""));
        assertThat(CourseRoute.of("/" + COURSE + "/communities"))
                .contains(new CourseRoute("courses", COURSE, "communities", ""));
        assertThat(CourseRoute.of("/" + COURSE + "/communities/" + COMMUNITY + "/withdraw"))
                .contains(new CourseRoute("courses", COURSE, "withdraw", COMMUNITY));
        assertThat(CourseRoute.of("/chapters/" + COURSE + "/attachments/" + COMMUNITY))
                .contains(new CourseRoute("chapters", COURSE, "attachments", COMMUNITY));
    }

    @Test
    void anything_else_is_no_page() {
        assertThat(CourseRoute.of("/" + COURSE + "/communities/" + COMMUNITY)).isEmpty();
        assertThat(CourseRoute.of("/" + COURSE + "/communities/" + COMMUNITY + "/delete")).isEmpty();
        assertThat(CourseRoute.of("/" + COURSE + "/withdraw")).isEmpty();
    }
}
