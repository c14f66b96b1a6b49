package fr.ent.platform.apps.documents.space;

import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.runtime.web.FileAnswer;
import java.util.Locale;

/**
 * What a stored file is said to be. Any file may be kept (it is always downloaded as an attachment, never
 * sniffed), but a file whose first bytes contradict its declared type (an executable called a PDF) is refused, an
 * empty file too, and only images and PDF whose bytes match are shown inline (preview).
 */
public final class FileTypes {

    public static final String UNKNOWN = FileAnswer.UNKNOWN;

    private FileTypes() {
    }

    /** The type to keep for a file whose first bytes are {@code head}, or a problem. */
    public static String checked(String name, String declared, byte[] head) {
        if (head.length == 0) {
            throw new InvalidInput("document-empty", name);
        }
        String type = declared == null ? "" : declared.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!type.matches("[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}")
                || type.startsWith("multipart/")) {
            type = UNKNOWN;
        }
        boolean executable = starts(head, 'M', 'Z') || starts(head, 0x7F, 'E', 'L', 'F');
        if (!type.equals(UNKNOWN) && !type.startsWith("application/x-") && (executable || !matches(type, head))) {
            throw new InvalidInput("document-type-mismatch", name, type);
        }
        return type;
    }

    /** Whether a kept file of this type may be shown inline (the platform's list: those checked above). */
    public static boolean previewable(String type) {
        return FileAnswer.inline(type);
    }

    /** The type a download is sent with: the kept one, except text that a browser might render as a page. */
    public static String attachmentType(String type) {
        return FileAnswer.attachmentType(type);
    }

    private static boolean matches(String type, byte[] head) {
        return switch (type) {
            case "image/png" -> starts(head, 0x89, 'P', 'N', 'G');
            case "image/jpeg" -> starts(head, 0xFF, 0xD8, 0xFF);
            case "image/gif" -> starts(head, 'G', 'I', 'F', '8');
            case "image/webp" -> starts(head, 'R', 'I', 'F', 'F') && head.length >= 12 && head[8] == 'W'
                    && head[9] == 'E' && head[10] == 'B' && head[11] == 'P';
            case "application/pdf" -> starts(head, '%', 'P', 'D', 'F');
            default -> true;
        };
    }

    private static boolean starts(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
