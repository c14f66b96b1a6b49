package fr.ent.platform.apps.messagerie.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouteTest {

    @Test
    void thePagesOfTheMessagerie() {
        assertThat(Route.of(null)).contains(new Route(Route.Kind.BOX, "inbox", ""));
        assertThat(Route.of("/box/trash")).contains(new Route(Route.Kind.BOX, "trash", ""));
        assertThat(Route.of("/box/trash/empty")).contains(new Route(Route.Kind.BOX, "trash", "empty"));
        assertThat(Route.of("/folders")).contains(new Route(Route.Kind.FOLDERS, null, ""));
        assertThat(Route.of("/folders/f1/rename")).contains(new Route(Route.Kind.FOLDER, "f1", "rename"));
        assertThat(Route.of("/messages/m1")).contains(new Route(Route.Kind.MESSAGE, "m1", ""));
        assertThat(Route.of("/messages/m1/reply-all")).contains(new Route(Route.Kind.MESSAGE, "m1", "reply-all"));
        assertThat(Route.of("/messages/m1/print")).contains(new Route(Route.Kind.PRINT, "m1", ""));
        assertThat(Route.of("/compose")).contains(new Route(Route.Kind.COMPOSE, null, ""));
        assertThat(Route.of("/drafts/d1")).contains(new Route(Route.Kind.DRAFT, "d1", ""));
        assertThat(Route.of("/attachments/a1")).contains(new Route(Route.Kind.ATTACHMENT, "a1", ""));
    }

    @Test
    void anythingElseIsNoPage() {
        assertThat(Route.of("/messages/m1/explode")).isEmpty();
        assertThat(Route.of("/folders/f1/move")).isEmpty();
        assertThat(Route.of("/box/inbox/x/y")).isEmpty();
        assertThat(Route.of("/admin")).isEmpty();
        assertThat(Route.of("/compose/x")).isEmpty();
    }
}
