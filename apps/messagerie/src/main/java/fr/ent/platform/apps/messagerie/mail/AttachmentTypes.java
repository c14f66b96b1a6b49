package fr.ent.platform.apps.messagerie.mail;

import fr.ent.platform.problem.InvalidInput;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * The files a message may carry: common images, PDF, text, office documents, sound and video. A file whose first
 * bytes contradict its declared type (an executable called a PDF) is refused like a wrong type. Downloads are
 * always served as attachments with their type and no sniffing, so a kept file never runs in the ENT's pages.
 */
public final class AttachmentTypes {

    private static final Set<String> ACCEPTED = Set.of("image/png", "image/jpeg", "image/gif", "image/webp",
            "application/pdf", "text/plain", "text/csv", "application/rtf",
            "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
            "audio/mpeg", "audio/ogg", "audio/wav", "video/mp4", "video/webm");
    private static final String[] ACCEPTED_PREFIXES = {"application/vnd.oasis.opendocument.",
        "application/vnd.openxmlformats-officedocument."};

    private AttachmentTypes() {
    }

    /** The type to keep for this file, or the problem {@code attachment-type-refused}. */
    public static String checked(String name, String declared, byte[] head) {
        String type = declared == null ? "" : declared.split(";")[0].strip().toLowerCase(Locale.ROOT);
        boolean accepted = ACCEPTED.contains(type) || Arrays.stream(ACCEPTED_PREFIXES).anyMatch(type::startsWith);
        if (!accepted || !contentMatches(type, head)) {
            throw new InvalidInput("attachment-type-refused", name, type.isEmpty() ? "?" : type);
        }
        return type;
    }

    private static boolean contentMatches(String type, byte[] head) {
        return switch (type) {
            case "image/png" -> starts(head, 0x89, 'P', 'N', 'G');
            case "image/jpeg" -> starts(head, 0xFF, 0xD8, 0xFF);
            case "image/gif" -> starts(head, 'G', 'I', 'F', '8');
            case "application/pdf" -> starts(head, '%', 'P', 'D', 'F');
            // a Windows or Linux executable is not any of the accepted types
            default -> !starts(head, 'M', 'Z') && !starts(head, 0x7F, 'E', 'L', 'F');
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
