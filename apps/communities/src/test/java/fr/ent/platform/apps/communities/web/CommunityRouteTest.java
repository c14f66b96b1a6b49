package fr.ent.platform.apps.communities.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.apps.communities.web.CommunityPages.Route;
import org.junit.jupiter.api.Test;

/** The pages' paths are read strictly: anything else is no page. */
class CommunityRouteTest {

    static final String ID = "0b7f4a1e-3c1d-4f0e-9a43-51b3e0c8d2aa";
    static final String PERSON = "1c7f4a1e-3c1d-4f0e-9a43-51b3e0c8d2bb";

    @Test
    void known_paths() {
        assertThat(Route.of(null)).contains(new Route("root", "", "", ""));
        assertThat(Route.of("/")).contains(new Route("root", "", "", ""));
        assertThat(Route.of("/" + ID)).contains(new Route("community", ID, "", ""));
        assertThat(Route.of("/" + ID + "/members")).contains(new Route("community", ID, "members", ""));
        assertThat(Route.of("/" + ID + "/members/" + PERSON + "/promote"))
                .contains(new Route("member", ID, "promote", PERSON));
        assertThat(Route.of("/topics/" + ID)).contains(new Route("topic", ID, "", ""));
        assertThat(Route.of("/topics/" + ID + "/reply")).contains(new Route("topic", ID, "reply", ""));
    }

    @Test
    void anything_else_is_no_page() {
        assertThat(Route.of("/" + ID + "/other/" + PERSON + "/promote")).isEmpty();
        assertThat(Route.of("/topics")).isEmpty();
        assertThat(Route.of("/a/b/c")).isEmpty();
        assertThat(Route.of("/a/b/c/d/e")).isEmpty();
    }
}
