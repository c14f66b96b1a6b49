package fr.ent.platform.apps.wiki;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The tree of pages from their rows: siblings in order, the trail up from a page. */
class TreeTest {

    static final UUID TOP = UUID.randomUUID();
    static final UUID SECOND = UUID.randomUUID();
    static final UUID CHILD = UUID.randomUUID();
    static final UUID GRANDCHILD = UUID.randomUUID();
    static final List<Tree.Row> ROWS = List.of(new Tree.Row(SECOND, null, 2, "Deuxième"),
            new Tree.Row(GRANDCHILD, CHILD, 1, "Petit-enfant"), new Tree.Row(CHILD, TOP, 1, "Enfant"),
            new Tree.Row(TOP, null, 1, "Accueil"));

    @Test
    void pages_nest_under_their_parents_in_their_order() {
        List<Views.Node> tree = Tree.of(ROWS);
        assertThat(tree).extracting(Views.Node::title).containsExactly("Accueil", "Deuxième");
        assertThat(tree.get(0).children().get(0).title()).isEqualTo("Enfant");
        assertThat(tree.get(0).children().get(0).children().get(0).id()).isEqualTo(GRANDCHILD);
        assertThat(Tree.childrenOf(ROWS, TOP)).extracting(Views.Node::id).containsExactly(CHILD);
    }

    @Test
    void the_trail_goes_from_the_top_to_the_parent() {
        assertThat(Tree.trail(ROWS, GRANDCHILD)).extracting(Views.Crumb::title).containsExactly("Accueil", "Enfant");
        assertThat(Tree.trail(ROWS, TOP)).isEmpty();
    }
}
