package fr.ent.platform.apps.directory.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserSearchTest {

    @Test
    void wordsAreFoldedLikeTheSearchKey() {
        assertThat(UserSearch.words("  Maëlle   CHAINTREUIL ")).containsExactly("maelle", "chaintreuil");
        assertThat(UserSearch.words(null)).isEmpty();
        assertThat(UserSearch.words("   ")).isEmpty();
    }

    @Test
    void likeWildcardsCannotTurnASearchIntoAPattern() {
        assertThat(UserSearch.words("%")).isEmpty();
        assertThat(UserSearch.words("a_b\\c%d")).containsExactly("a", "b", "c", "d");
    }
}
