package fr.ent.platform.apps.messagerie.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.problem.InvalidInput;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AttachmentTypesTest {

    @Test
    void common_school_files_are_accepted() {
        assertThat(AttachmentTypes.checked("a.pdf", "application/pdf", bytes("%PDF-1.7"))).isEqualTo("application/pdf");
        assertThat(AttachmentTypes.checked("a.txt", "text/plain; charset=UTF-8", bytes("Bonjour"))).isEqualTo("text/plain");
        assertThat(AttachmentTypes.checked("a.odt", "application/vnd.oasis.opendocument.text", bytes("PK..")))
                .isEqualTo("application/vnd.oasis.opendocument.text");
    }

    @Test
    void other_types_and_files_that_lie_about_their_type_are_refused() {
        assertThatThrownBy(() -> AttachmentTypes.checked("x.exe", "application/x-msdownload", bytes("MZ")))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("attachment-type-refused");
        assertThatThrownBy(() -> AttachmentTypes.checked("x.html", "text/html", bytes("<script>")))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> AttachmentTypes.checked("devoir.pdf", "application/pdf", bytes("MZ\u0090")))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> AttachmentTypes.checked("notes.txt", "text/plain", new byte[] {0x7F, 'E', 'L', 'F'}))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> AttachmentTypes.checked("sans-type", null, bytes("x")))
                .isInstanceOf(InvalidInput.class);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
