package fr.ent.platform.apps.console.look;

import java.util.Arrays;
import java.util.Optional;

/**
 * A logo as an administrator uploads it, checked before it goes anywhere: a PNG, JPEG or WebP image (by its first
 * bytes, whatever the browser called it) of at most {@value #MAX_BYTES} bytes, as tenant-manager requires
 * ({@code LogoImage}, which checks again). SVG is refused there: it can carry script. Pure, for unit tests.
 */
public final class LogoCheck {

    /** tenant-manager's limit ({@code LogoImage.MAX_BYTES}): 100 KiB. */
    public static final int MAX_BYTES = 100 * 1024;

    private LogoCheck() {
    }

    /**
     * The image's real media type, or a refusal: none sent (400), too big (413, with its size and the limit), not
     * one of the three image types (415). {@code bytes} may hold one byte more than the limit: enough to refuse.
     */
    public static String mediaType(byte[] bytes, String fileName) {
        if (bytes == null || bytes.length == 0) {
            throw LookRefused.because(400, "look.logo.empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw LookRefused.because(413, "look.logo.too-large", MAX_BYTES / 1024);
        }
        return sniff(bytes).orElseThrow(() -> LookRefused.because(415, "look.logo.type",
                fileName == null || fileName.isBlank() ? "?" : fileName));
    }

    static Optional<String> sniff(byte[] b) {
        if (starts(b, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return Optional.of("image/png");
        }
        if (starts(b, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
            return Optional.of("image/jpeg");
        }
        if (b.length >= 12 && starts(b, new byte[] {'R', 'I', 'F', 'F'})
                && Arrays.equals(b, 8, 12, new byte[] {'W', 'E', 'B', 'P'}, 0, 4)) {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] b, byte[] signature) {
        return b.length >= signature.length && Arrays.equals(b, 0, signature.length, signature, 0, signature.length);
    }
}
