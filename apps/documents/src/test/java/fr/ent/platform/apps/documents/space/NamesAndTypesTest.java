package fr.ent.platform.apps.documents.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.problem.DomainException;
import fr.ent.platform.problem.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Names that are never paths, and types that the bytes confirm. */
class NamesAndTypesTest {

    @Test
    void a_name_is_kept_as_typed_but_never_a_path() {
        assertThat(Names.checked("  Sortie au musée (2).pdf ")).isEqualTo("Sortie au musée (2).pdf");
        assertThat(Names.checked("..rapport")).isEqualTo("..rapport");
        for (String bad : List.of("", "   ", ".", "..", "../etc/passwd", "a/b", "a\\b", "C:\\x.pdf", "nul\u0000.pdf",
                "ligne\nretour", "x".repeat(256))) {
            assertThatThrownBy(() -> Names.checked(bad)).as(bad).isInstanceOfSatisfying(InvalidInput.class,
                    e -> assertThat(e.code()).isEqualTo("document-name-invalid"));
        }
        assertThatThrownBy(() -> Names.checked(null)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void the_first_bytes_must_agree_with_the_declared_type() {
        assertThat(FileTypes.checked("a.pdf", "application/pdf; charset=x", bytes("%PDF-1.7"))).isEqualTo(
                "application/pdf");
        assertThat(FileTypes.checked("a.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}))
                .isEqualTo("image/png");
        assertThat(FileTypes.checked("notes.txt", "text/plain", bytes("bonjour"))).isEqualTo("text/plain");
        // no type, or a malformed one: kept as bytes, never shown inline
        assertThat(FileTypes.checked("x", null, bytes("data"))).isEqualTo(FileTypes.UNKNOWN);
        assertThat(FileTypes.checked("x", "<script>", bytes("data"))).isEqualTo(FileTypes.UNKNOWN);
        assertThat(FileTypes.checked("x", "multipart/form-data", bytes("data"))).isEqualTo(FileTypes.UNKNOWN);
        code(() -> FileTypes.checked("jeu.pdf", "application/pdf", bytes("MZ\u0090")), "document-type-mismatch");
        code(() -> FileTypes.checked("photo.jpg", "image/jpeg", bytes("%PDF-1.4")), "document-type-mismatch");
        code(() -> FileTypes.checked("setup.txt", "text/plain", new byte[] {0x7F, 'E', 'L', 'F'}),
                "document-type-mismatch");
        code(() -> FileTypes.checked("vide.pdf", "application/pdf", new byte[0]), "document-empty");
    }

    @Test
    void only_images_and_pdf_are_previewed_and_markup_is_downloaded_as_bytes() {
        assertThat(FileTypes.previewable("application/pdf")).isTrue();
        assertThat(FileTypes.previewable("image/webp")).isTrue();
        assertThat(FileTypes.previewable("image/svg+xml")).isFalse();
        assertThat(FileTypes.previewable("text/html")).isFalse();
        assertThat(FileTypes.attachmentType("text/html")).isEqualTo(FileTypes.UNKNOWN);
        assertThat(FileTypes.attachmentType("image/svg+xml")).isEqualTo(FileTypes.UNKNOWN);
        assertThat(FileTypes.attachmentType("application/pdf")).isEqualTo("application/pdf");
    }

    private static void code(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aPickersSearchMatchesTheWordsAsTypedNotAsAPattern() {
        assertThat(Documents.namePattern(null)).isEqualTo("%%");
        assertThat(Documents.namePattern("  Programme ")).isEqualTo("%programme%");
        assertThat(Documents.namePattern("100%_a\\b")).isEqualTo("%100\\%\\_a\\\\b%");
    }
}
