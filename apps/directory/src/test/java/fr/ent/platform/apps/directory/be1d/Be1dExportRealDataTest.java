package fr.ent.platform.apps.directory.be1d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parses the real export of École Émile Zola (ISO-8859-1, CRLF, quoted and unquoted fields, " Cycle"). */
class Be1dExportRealDataTest {

    private static final Be1dExport EXPORT = Be1dExport.parse(Map.of(
            Be1dFile.ELEVES, SharedData.eleves(),
            Be1dFile.ENSEIGNANTS, SharedData.enseignants(),
            Be1dFile.RESPONSABLES, SharedData.responsables()));

    @Test
    void theRealFilesAreLatin1AndDetectedAsSuch() {
        assertThat(CsvSheet.detectCharset(SharedData.eleves())).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(CsvSheet.detectCharset(SharedData.responsables())).isEqualTo(StandardCharsets.ISO_8859_1);
    }

    @Test
    void everyLineOfTheRealExportIsImportable() {
        assertThat(EXPORT.rejected()).isEmpty();
        assertThat(EXPORT.students()).hasSize(247);
        assertThat(EXPORT.teachers()).hasSize(14);
        assertThat(EXPORT.relatives()).hasSize(469);
        assertThat(EXPORT.childReferences()).isEqualTo(491);
        assertThat(EXPORT.distinctClasses()).isEqualTo(10);
    }

    @Test
    void accentedPupilNamesAreDecodedWithTheirLineNumbers() {
        assertThat(EXPORT.students().get(0)).isEqualTo(new Lines.Student(2, "BELMAHDI", "BELMAHDI", "Mathilde",
                LocalDate.of(2006, 8, 17), "CE1", "CE1"));
        assertThat(EXPORT.students())
                .anySatisfy(s -> {
                    assertThat(s.line()).isEqualTo(4);
                    assertThat(s.lastName()).isEqualTo("CAILLET");
                    assertThat(s.firstName()).isEqualTo("Eléa");
                })
                .anySatisfy(s -> {
                    assertThat(s.line()).isEqualTo(5);
                    assertThat(s.firstName()).isEqualTo("Maëlle");
                    assertThat(s.birthDate()).isEqualTo(LocalDate.of(2006, 9, 23));
                })
                .anySatisfy(s -> assertThat(s.firstName()).isEqualTo("Raphaël"));
        Lines.Student last = EXPORT.students().get(EXPORT.students().size() - 1);
        assertThat(last.line()).isEqualTo(248);
        assertThat(last.lastName()).isEqualTo("VALIER-BRASIER");
        assertThat(last.className()).isEqualTo("TPS");
        assertThat(last.level()).isEqualTo("TPS");
    }

    @Test
    void teachersKeepTheirClassAndMultiWordNames() {
        assertThat(EXPORT.teachers())
                .extracting(Lines.Teacher::lastName, Lines.Teacher::firstName, Lines.Teacher::className)
                .contains(tuple("O BRIEN", "Brian", "CLIS"),
                        tuple("LE COQ", "Helene", "CP"),
                        tuple("PALLISE", "Martine", "CM2"),
                        tuple("FARGEAU", "Antoine", "CM2"));
    }

    @Test
    void parentsCarryTheRepeatedChildColumnsAndUnquotedAccents() {
        Lines.Relative first = EXPORT.relatives().get(0);
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.lastName()).isEqualTo("ADJIBEL");
        assertThat(first.firstName()).isEqualTo("Corinne");
        assertThat(first.address()).isEqualTo("40 Avenue Beaucour");
        assertThat(first.children()).containsExactly(
                new Lines.Child("MARTINEZ", null, "Alexandre", "CE2"),
                new Lines.Child("MARTINEZ", null, "Marjolaine", "CM1"),
                new Lines.Child("DRAHONNET", null, "Cassandra", "CP"));
        assertThat(EXPORT.relatives()).anySatisfy(r -> {
            assertThat(r.lastName()).isEqualTo("WOLFS");
            assertThat(r.firstName()).isEqualTo("Jérôme");
            assertThat(r.children()).containsExactly(new Lines.Child("WOLFS", null, "Sarah", "GS"));
        });
        assertThat(EXPORT.relatives()).anySatisfy(r -> {
            assertThat(r.lastName()).isEqualTo("WYN");
            assertThat(r.address()).isEqualTo("10 Rue des Gâtines");
        });
    }
}
