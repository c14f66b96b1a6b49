package fr.ent.platform.apps.directory.be1d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Crafted files: what the parser rejects, with which line number and why, and the encodings it reads. */
class Be1dExportTest {

    private static final String ELEVES_HEADER = "\"Nom Elève\";\"Nom d'usage Elève\";\"Prénom Elève\";"
            + "\"Date naissance\";\" Cycle\";\"Niveau\";\"Classe\"\r\n";

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Be1dExport eleves(byte[] bytes) {
        return Be1dExport.parse(Map.of(Be1dFile.ELEVES, bytes));
    }

    @Test
    void rejectsBadLinesWithTheirLineNumberAndAFrenchReasonAndKeepsTheOthers() {
        Be1dExport export = eleves(latin1(ELEVES_HEADER
                + "\"CAILLET\";;\"Eléa\";\"2006-09-27\";\"CYCLE II\";\"CE1\";\"CE1\"\r\n"
                + "\"DUPONT\";;\"Léo\";\"2006-13-45\";\"CYCLE II\";\"CE1\";\"CE1\"\r\n"
                + "\"MARTIN\";;;\"2007-01-02\";\"CYCLE II\";\"CP\";\"CP\"\r\n"
                + "\"DURAND\";;\"Zoé\";;\"CYCLE II\";\"CP\";\"CP\"\r\n"
                + "\"PETIT\";;\"Noé\";\"03/04/2007\";\"CYCLE II\";\"CP\";\"CP\"\r\n"));
        assertThat(export.students()).extracting(Lines.Student::line, Lines.Student::firstName,
                        Lines.Student::birthDate)
                .containsExactly(tuple(2, "Eléa", LocalDate.of(2006, 9, 27)),
                        tuple(6, "Noé", LocalDate.of(2007, 4, 3)));
        assertThat(export.rejected()).containsExactly(
                new Rejection("eleves", 3,
                        "date de naissance invalide « 2006-13-45 » (attendu AAAA-MM-JJ ou JJ/MM/AAAA)"),
                new Rejection("eleves", 4, "nom ou prénom de l'élève manquant"),
                new Rejection("eleves", 5, "date de naissance manquante"));
    }

    @Test
    void blankLinesAreSkippedButStillCountInLineNumbers() {
        Be1dExport export = eleves(latin1(ELEVES_HEADER + "\r\n;;;;;;\r\n"
                + "\"PETIT\";;\"Noé\";\"31/02/2007\";\"CYCLE II\";\"CP\";\"CP\"\r\n"));
        assertThat(export.students()).isEmpty();
        assertThat(export.rejected()).extracting(Rejection::line).containsExactly(4);
    }

    @Test
    void readsUtf8WithBomAndMatchesHeadersWhateverTheirOrderCaseAndAccents() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.write(("CLASSE;date naissance; PRENOM ELEVE ;NOM ÉLÈVE\n"
                + "CM1;2008-02-29;Maëlle;CHAINTREUIL\n").getBytes(StandardCharsets.UTF_8));
        assertThat(CsvSheet.detectCharset(out.toByteArray())).isEqualTo(StandardCharsets.UTF_8);
        Be1dExport export = eleves(out.toByteArray());
        assertThat(export.rejected()).isEmpty();
        assertThat(export.students()).containsExactly(new Lines.Student(2, "CHAINTREUIL", "CHAINTREUIL", "Maëlle",
                LocalDate.of(2008, 2, 29), "CM1", null));
    }

    @Test
    void readsUtf8WithoutBom() {
        Be1dExport export = eleves(("Nom Elève;Prénom Elève;Date naissance;Classe\r\n"
                + "GUTMANN;Maéva;2006-05-01;CE2\r\n").getBytes(StandardCharsets.UTF_8));
        assertThat(export.students()).extracting(Lines.Student::firstName).containsExactly("Maéva");
    }

    @Test
    void aHeaderWithoutARequiredColumnMakesTheFileUnreadable() {
        assertThatThrownBy(() -> eleves(latin1("\"Nom Elève\";\"Prénom Elève\";\"Classe\"\r\n\"A\";\"B\";\"CP\"\r\n")))
                .isInstanceOfSatisfying(Be1dFormatException.class, e -> {
                    assertThat(e.file()).isEqualTo(Be1dFile.ELEVES);
                    assertThat(e.missingColumn()).isEqualTo("Date naissance");
                    assertThat(e.reason()).isEqualTo("la colonne « Date naissance » est absente de l'en-tête");
                });
    }

    @Test
    void anEmptyFileIsUnreadable() {
        assertThatThrownBy(() -> Be1dExport.parse(Map.of(Be1dFile.ENSEIGNANTS, new byte[0])))
                .isInstanceOfSatisfying(Be1dFormatException.class,
                        e -> assertThat(e.file()).isEqualTo(Be1dFile.ENSEIGNANTS));
    }

    @Test
    void brokenQuotingMakesTheFileUnreadable() {
        assertThatThrownBy(() -> eleves(latin1(ELEVES_HEADER + "\"PETIT;;\"Noé\";\"2007-01-01\";;;\"CP\"\r\n")))
                .isInstanceOf(Be1dFormatException.class);
    }

    @Test
    void parentsNeedANameAndAtLeastOneCompleteChild() {
        String header = "Civilité Responsable;Nom usage responsable;Nom responsable;Prénom responsable;"
                + "Adresse responsable;CP responsable;Nom d'usage enfant;Nom de famille enfant;Prénom enfant;"
                + "Classes enfants;Nom d'usage enfant;Nom de famille enfant;Prénom enfant;Classes enfants\n";
        Be1dExport export = Be1dExport.parse(Map.of(Be1dFile.RESPONSABLES, latin1(header
                + "MME;;ALBERT;Odile;48 Passage du Havre;61000;;ALBERT;Nawres;TPS;;ALBERT;Léon;CP\n"
                + "M.;;;Norbert;;;;ALBERT;Nawres;TPS;;;;\n"
                + "m.;;ROUX;Paul;;;;;;;;;;\n"
                + "Mme;;ROUX;Anne;;;;ROUX;;CP;;;;\n")));
        assertThat(export.relatives()).hasSize(1);
        assertThat(export.relatives().get(0).children()).extracting(Lines.Child::firstName)
                .containsExactly("Nawres", "Léon");
        assertThat(export.rejected()).containsExactly(
                new Rejection("responsables", 3, "nom ou prénom du responsable manquant"),
                new Rejection("responsables", 4, "aucun enfant n'est indiqué pour ce responsable"),
                new Rejection("responsables", 5,
                        "enfant n° 1 incomplet : nom et prénom de l'enfant sont nécessaires"));
    }

    @Test
    void responsablesWithoutChildColumnsAreUnreadable() {
        assertThatThrownBy(() -> Be1dExport.parse(Map.of(Be1dFile.RESPONSABLES,
                latin1("Nom responsable;Prénom responsable;Prénom enfant\nA;B;C\n"))))
                .isInstanceOfSatisfying(Be1dFormatException.class,
                        e -> assertThat(e.missingColumn()).isEqualTo("Nom de famille enfant"));
    }
}
