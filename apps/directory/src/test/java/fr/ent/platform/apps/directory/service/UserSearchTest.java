package fr.ent.platform.apps.directory.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.apps.directory.view.NewClass;
import fr.ent.platform.apps.directory.view.NewStructure;
import fr.ent.platform.apps.directory.view.NewUser;
import fr.ent.platform.apps.directory.view.UserPage;
import fr.ent.platform.apps.directory.view.UserSummary;
import fr.ent.platform.tenancy.InvalidTenantInputException;
import java.util.List;
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

    /**
     * ADR 0059 on a real schema: past {@link UserSearch#COUNT_AHEAD} matches beyond the offset, the total says "more
     * than" (and a next page exists) unless an exact count is asked; the filters still narrow the page and its count.
     */
    @Test
    void a_large_directory_is_counted_up_to_a_bound_unless_an_exact_count_is_asked() {
        DirectoryDatabase db = DirectoryDatabase.fresh();
        UserSearch search = new UserSearch();
        search.data = db.data();
        StructureService structures = db.structures();
        UserService users = db.users();
        String school = structures.create(new NewStructure("0693331W", "École Jean Macé", "ECOLE", null)).id()
                .toString();
        String cp = structures.createClass(school, new NewClass("CP", null)).id().toString();
        String lea = users.create(new NewUser("Student", "Durand", "Léa", null, null, school, List.of(cp), List.of()))
                .id().toString();
        users.create(new NewUser("Teacher", "Durand", "Paul", null, null, school, List.of(cp), List.of()));
        int others = UserSearch.COUNT_AHEAD + 100;
        db.inTransaction(em -> em.createNativeQuery("INSERT INTO ent_user (id, profile, last_name, first_name, "
                + "search_key) SELECT gen_random_uuid(), 'Student', 'Élève' || i, 'X', 'eleve' || lpad(i::text, 5, "
                + "'0') || ' x' FROM generate_series(1, " + others + ") AS i").executeUpdate());
        int everyone = others + 2;

        UserPage first = search.search(new UserSearch.Query(null, null, null, null, "20", "0"));
        assertThat(first.totalExact()).isFalse();
        assertThat(first.total()).isEqualTo(UserSearch.COUNT_AHEAD);
        assertThat(first.hasNext()).isTrue();
        assertThat(first.items()).extracting(UserSummary::lastName).first().isEqualTo("Durand");

        UserPage exact = search.search(new UserSearch.Query(null, null, null, null, "20", "0", "exact"));
        assertThat(exact.totalExact()).isTrue();
        assertThat(exact.total()).isEqualTo(everyone);
        assertThat(exact.items()).isEqualTo(first.items());

        // Near the end the bound reaches past the last match: the count is exact again, and the last page says so.
        UserPage last = search.search(new UserSearch.Query(null, null, null, null, "50", String.valueOf(everyone - 30)));
        assertThat(last.totalExact()).isTrue();
        assertThat(last.total()).isEqualTo(everyone);
        assertThat(last.items()).hasSize(30);
        assertThat(last.hasNext()).isFalse();

        UserPage durand = search.search(new UserSearch.Query("durand", null, null, null, "20", "0"));
        assertThat(durand.totalExact()).isTrue();
        assertThat(durand.total()).isEqualTo(2);
        assertThat(durand.items()).extracting(UserSummary::firstName).containsExactly("Léa", "Paul");
        assertThat(search.search(new UserSearch.Query("durand", "Teacher", null, null, null, null)).items())
                .extracting(UserSummary::firstName).containsExactly("Paul");
        assertThat(search.search(new UserSearch.Query(null, null, school, null, null, null)).total()).isEqualTo(2);
        assertThat(search.search(new UserSearch.Query(null, "Student", null, cp, null, null)).items())
                .extracting(u -> u.id().toString()).containsExactly(lea);

        assertThatThrownBy(() -> search.search(new UserSearch.Query(null, null, null, null, null, null, "all")))
                .isInstanceOf(InvalidTenantInputException.class).hasMessageContaining("count");
    }
}
