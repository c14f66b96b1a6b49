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
    void a_page_moves_among_new_siblings_but_never_under_itself() {
        assertThat(Tree.place(ROWS, CHILD, null, 1)).containsExactly(CHILD, TOP, SECOND);
        assertThat(Tree.place(ROWS, CHILD, null, 99)).containsExactly(TOP, SECOND, CHILD);
        assertThat(Tree.place(ROWS, SECOND, TOP, 2)).containsExactly(CHILD, SECOND);
        assertThat(Tree.place(ROWS, TOP, null, 2)).containsExactly(SECOND, TOP);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Tree.place(ROWS, TOP, GRANDCHILD, 1))
                .isInstanceOf(fr.ent.platform.problem.InvalidInput.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Tree.place(ROWS, TOP, TOP, 1))
                .isInstanceOf(fr.ent.platform.problem.InvalidInput.class);
        assertThat(Tree.possibleParents(ROWS, CHILD)).extracting(Tree.Row::id).containsExactlyInAnyOrder(TOP, SECOND);
    }

    @Test
    void the_trail_goes_from_the_top_to_the_parent() {
        assertThat(Tree.trail(ROWS, GRANDCHILD)).extracting(Views.Crumb::title).containsExactly("Accueil", "Enfant");
        assertThat(Tree.trail(ROWS, TOP)).isEmpty();
    }
}
