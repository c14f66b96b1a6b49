package fr.ent.platform.tenants.letters;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.tenants.identity.AccountActivation.Letter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** Activation letters (ADR 0023): one page per person, what each page says, in the reader's language. */
class ActivationLetterPdfTest {

    static final Instant EXPIRES = Instant.parse("2027-01-15T10:00:00Z");

    @Test
    void onePagePerPersonWithTheirLoginAndCode() throws Exception {
        List<Letter> letters = List.of(
                new Letter(UUID.randomUUID(), "Noé", "PETIT", "Student", "noe.petit", "ABCD-EFGH-JKMN", EXPIRES),
                new Letter(UUID.randomUUID(), "Léa", "DURAND", "Student", "lea.durand", "PQRS-TUVW-XYZ2", EXPIRES),
                new Letter(UUID.randomUUID(), "Zoé", "<b>ROUX</b>", "Student", "zoe.roux", "3456-789A-BCDE", EXPIRES));
        byte[] pdf = ActivationLetterPdf.render("Ville de Lyon", "École Émile Zola — CP", "https://lyon.example.fr",
                letters, Locale.FRENCH);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(3);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            String second = stripper.getText(doc);
            assertThat(second).contains("Léa DURAND", "École Émile Zola — CP", "https://lyon.example.fr",
                    "lea.durand", "PQRS-TUVW-XYZ2", "Code d'activation", "15 janvier 2027")
                    .doesNotContain("noe.petit", "ABCD-EFGH-JKMN");
            stripper.setStartPage(3);
            stripper.setEndPage(3);
            assertThat(stripper.getText(doc)).contains("Zoé <b>ROUX</b>"); // a name is text, never markup
        }
    }

    @Test
    void englishAndSpanishLettersAndFrenchByDefault() throws Exception {
        List<Letter> one = List.of(new Letter(UUID.randomUUID(), "Nicolas", "DURAND", "Relative", "nicolas.durand",
                "ABCD-EFGH-JKMN", EXPIRES));
        assertThat(text(ActivationLetterPdf.render("Lyon", "CP", "https://p", one,
                ActivationLetterPdf.language(List.of(Locale.ENGLISH))))).contains("Activation code", "parent account");
        assertThat(text(ActivationLetterPdf.render("Lyon", "CP", "https://p", one,
                ActivationLetterPdf.language(List.of(Locale.of("es")))))).contains("Código de activación");
        assertThat(ActivationLetterPdf.language(List.of(Locale.GERMAN))).isEqualTo(Locale.FRENCH);
        assertThat(ActivationLetterPdf.language(List.of())).isEqualTo(Locale.FRENCH);
    }

    /**
     * The timing docs/console.md gives: letters for 500 people, time and size, printed when asked for
     * ({@code -Dent.measure=true -Dtest=ActivationLetterPdfTest}; skipped otherwise, ~10 s of CI). Rendering only:
     * the accounts are Keycloak's (docs/benchmarks.md).
     */
    @Test
    void fiveHundredLetters() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("ent.measure"), "measurement asked for");
        List<Letter> letters = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            letters.add(new Letter(UUID.randomUUID(), "Prénom" + i, "NOM" + i, i % 2 == 0 ? "Student" : "Relative",
                    "prenom" + i + ".nom" + i, "ABCD-EFGH-" + String.format("%04d", i), EXPIRES));
        }
        ActivationLetterPdf.render("Ville de Lyon", "warm-up", "https://lyon.example.fr", letters.subList(0, 20),
                Locale.FRENCH);
        long started = System.nanoTime();
        byte[] pdf = ActivationLetterPdf.render("Ville de Lyon", "École Émile Zola — toutes classes",
                "https://lyon.example.fr", letters, Locale.FRENCH);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("500 activation letters: " + millis + " ms, " + pdf.length / 1024 + " KiB");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(500);
        }
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
