package fr.ent.platform.apps.directory.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.apps.directory.view.ClassView;
import fr.ent.platform.apps.directory.view.NewClass;
import fr.ent.platform.apps.directory.view.NewStructure;
import fr.ent.platform.apps.directory.view.StructureView;
import fr.ent.platform.problem.Conflict;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.tenancy.InvalidTenantInputException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Correcting a school and renaming a class (the tenant console's calls) on a real migrated schema. */
class StructureServiceTest {

    private static StructureService structures;

    @BeforeAll
    static void aDatabase() {
        structures = DirectoryDatabase.fresh().structures();
    }

    @Test
    void a_school_is_corrected_its_uai_checked_and_unique() {
        StructureView macé = structures.create(new NewStructure("0693331W", "École Jean Macé", "ECOLE", null));
        StructureView ferry = structures.create(new NewStructure("0310036W", "École Jules Ferry", "ECOLE", null));

        StructureView changed = structures.update(macé.id().toString(),
                new NewStructure(" 0693331w ", "Groupe scolaire Jean Macé", "COLLEGE", null));
        assertThat(changed.name()).isEqualTo("Groupe scolaire Jean Macé");
        assertThat(changed.type().name()).isEqualTo("COLLEGE");
        assertThat(changed.educationLevel()).isEqualTo("2D");
        assertThat(structures.get(macé.id().toString()).name()).isEqualTo("Groupe scolaire Jean Macé");

        assertThatThrownBy(() -> structures.update(macé.id().toString(),
                new NewStructure(ferry.uai(), "Jean Macé", "ECOLE", null)))
                .isInstanceOf(Conflict.class).extracting("code").isEqualTo("uai-taken");
        assertThatThrownBy(() -> structures.update(macé.id().toString(),
                new NewStructure("0693331A", "Jean Macé", "ECOLE", null)))
                .isInstanceOf(InvalidTenantInputException.class).extracting("messageKey").isEqualTo("uai.checksum");
        assertThatThrownBy(() -> structures.update(macé.id().toString(),
                new NewStructure("0693331W", " ", "ECOLE", null)))
                .isInstanceOf(InvalidTenantInputException.class).extracting("field").isEqualTo("name");
        assertThatThrownBy(() -> structures.update(UUID.randomUUID().toString(),
                new NewStructure("0693331W", "X", "ECOLE", null))).isInstanceOf(NotFound.class);
        assertThat(structures.get(macé.id().toString()).uai()).isEqualTo("0693331W");
    }

    @Test
    void a_class_is_renamed_within_its_school() {
        StructureView school = structures.create(new NewStructure("0750001" + check("0750001"),
                "École Voltaire", "ECOLE", null));
        ClassView cp = structures.createClass(school.id().toString(), new NewClass("CP", "CP"));
        ClassView ce1 = structures.createClass(school.id().toString(), new NewClass("CE1", "CE1"));

        assertThat(structures.renameClass(cp.id().toString(), " CP A ").name()).isEqualTo("CP A");
        assertThat(structures.classes(school.id().toString())).extracting(ClassView::name)
                .containsExactly("CE1", "CP A");
        assertThatThrownBy(() -> structures.renameClass(cp.id().toString(), "CE1"))
                .isInstanceOf(Conflict.class).extracting("code").isEqualTo("class-taken");
        assertThatThrownBy(() -> structures.renameClass(ce1.id().toString(), ""))
                .isInstanceOf(InvalidTenantInputException.class);
        assertThatThrownBy(() -> structures.renameClass(UUID.randomUUID().toString(), "X"))
                .isInstanceOf(NotFound.class);
    }

    /** The check letter of seven digits (the Uai rule, computed here from the alphabet without I, O, Q). */
    private static char check(String digits) {
        return "ABCDEFGHJKLMNPRSTUVWXYZ".charAt(Integer.parseInt(digits) % 23);
    }
}
