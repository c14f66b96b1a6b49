package fr.ent.platform.apps.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void foldsCaseAccentsAndSpaces() {
        assertThat(Text.fold("  Maëlle   CHAINTREUIL ")).isEqualTo("maelle chaintreuil");
        assertThat(Text.fold("Éléa Ç’est")).isEqualTo("elea c'est");
        assertThat(Text.fold(null)).isEmpty();
    }

    @Test
    void searchKeyIsLastNameThenFirstName() {
        assertThat(Text.searchKey("CAILLET", "Eléa")).isEqualTo("caillet elea");
        assertThat(Text.searchKey("DE SOUSA", "Clémence")).isEqualTo("de sousa clemence");
    }

    @Test
    void structureTypeReadsAccentedAndLowerCaseNamesAndDerivesTheLevel() {
        assertThat(StructureType.parse("École")).isEqualTo(StructureType.ECOLE);
        assertThat(StructureType.parse("lycée")).isEqualTo(StructureType.LYCEE);
        assertThat(StructureType.ECOLE.educationLevel()).isEqualTo("1D");
        assertThat(StructureType.COLLEGE.educationLevel()).isEqualTo("2D");
    }

    @Test
    void idsAreAcceptedOnlyInCanonicalForm() {
        assertThat(Ids.parse("0f8fad5b-d9cb-469f-a165-70867728950e")).isPresent();
        assertThat(Ids.parse("1-1-1-1-1")).isEmpty();
        assertThat(Ids.parse("not-a-uuid")).isEmpty();
        assertThat(Ids.parse(null)).isEmpty();
    }
}
