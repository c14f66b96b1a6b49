package fr.ent.platform.apps.directory.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.apps.directory.view.NewClass;
import fr.ent.platform.apps.directory.view.NewStructure;
import fr.ent.platform.apps.directory.view.NewUser;
import fr.ent.platform.apps.directory.view.UserSummary;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.tenancy.InvalidTenantInputException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Parent–child links added and removed by an administrator (the tenant console), on a real migrated schema. */
class RelativeLinksTest {

    @Test
    void a_parent_is_linked_to_a_child_and_unlinked_and_only_a_parent_to_a_pupil() {
        DirectoryDatabase db = DirectoryDatabase.fresh();
        StructureService structures = db.structures();
        UserService users = db.users();
        String school = structures.create(new NewStructure("0693331W", "École Jean Macé", "ECOLE", null)).id()
                .toString();
        String cp = structures.createClass(school, new NewClass("CP", null)).id().toString();
        String lea = users.create(new NewUser("Student", "Durand", "Léa", null, null, school, List.of(cp), List.of()))
                .id().toString();
        String parent = users.create(new NewUser("Relative", "Durand", "Nicolas", null, null, school, List.of(),
                List.of())).id().toString();
        String teacher = users.create(new NewUser("Teacher", "Martin", "Sophie", null, null, school, List.of(cp),
                List.of())).id().toString();

        assertThat(users.link(parent, lea, true).children()).extracting(UserSummary::firstName).containsExactly("Léa");
        assertThat(users.link(parent, lea, true).children()).as("twice: once").hasSize(1);
        assertThat(users.get(lea).relatives()).extracting(UserSummary::firstName).containsExactly("Nicolas");

        assertThatThrownBy(() -> users.link(teacher, lea, true)).isInstanceOf(InvalidTenantInputException.class);
        assertThatThrownBy(() -> users.link(parent, teacher, true)).isInstanceOf(InvalidTenantInputException.class);
        assertThatThrownBy(() -> users.link(parent, UUID.randomUUID().toString(), true))
                .isInstanceOf(NotFound.class);

        assertThat(users.link(parent, lea, false).children()).isEmpty();
        assertThat(users.link(parent, lea, false).children()).as("removed twice: nothing").isEmpty();
        assertThat(users.get(lea).relatives()).isEmpty();
    }

    @Test
    void a_parents_schools_are_their_own_by_name_and_their_childrens_by_uai_in_one_statement() {
        DirectoryDatabase db = DirectoryDatabase.fresh();
        StructureService structures = db.structures();
        UserService users = db.users();
        String ecole = structures.create(new NewStructure("0693331W", "École Jean Macé", "ECOLE", null)).id()
                .toString();
        String college = structures.create(new NewStructure("0610663P", "Collège Jean Moulin", "COLLEGE", null)).id()
                .toString();
        UUID child = users.create(new NewUser("Student", "Durand", "Léa", null, null, college, List.of(), List.of()))
                .id();
        UUID parent = users.create(new NewUser("Relative", "Durand", "Nicolas", null, null, ecole, List.of(),
                List.of())).id();
        users.link(parent.toString(), child.toString(), true);

        DirectoryDatabase.resetStatements();
        StructureService.PersonSchools schools = structures.readSchoolsOf(parent);
        assertThat(DirectoryDatabase.statements()).as("the unit's opening statement and one read").isEqualTo(2);
        assertThat(schools.own()).containsExactly("École Jean Macé");
        assertThat(schools.uais()).containsExactlyInAnyOrder("0693331W", "0610663P");
        assertThat(structures.readSchoolsOf(child)).isEqualTo(new StructureService.PersonSchools(
                List.of("Collège Jean Moulin"), java.util.Set.of("0610663P")));
        assertThat(structures.readSchoolsOf(UUID.randomUUID())).isEqualTo(new StructureService.PersonSchools(
                List.of(), java.util.Set.of()));
    }
}
