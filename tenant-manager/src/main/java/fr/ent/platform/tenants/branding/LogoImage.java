package fr.ent.platform.tenants.branding;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * A collectivity logo: a PNG, JPEG or WebP image of at most {@value #MAX_BYTES} bytes whose first bytes are those of
 * the type it is sent as. SVG is refused: it can carry script, and the logo is served on the collectivity's domains.
 */
public record LogoImage(String mediaType, byte[] bytes) {

    public static final int MAX_BYTES = 100 * 1024;
    private static final Map<String, byte[]> SIGNATURES = Map.of(
            "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
            "image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});

    public LogoImage {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The media type these bytes really are, among PNG, JPEG and WebP; empty for anything else. */
    public static Optional<String> sniff(byte[] bytes) {
        for (Map.Entry<String, byte[]> s : SIGNATURES.entrySet()) {
            if (bytes.length >= s.getValue().length
                    && Arrays.equals(bytes, 0, s.getValue().length, s.getValue(), 0, s.getValue().length)) {
                return Optional.of(s.getKey());
            }
        }
        // RIFF <size> WEBP
        if (bytes.length >= 12 && Arrays.equals(bytes, 0, 4, new byte[] {'R', 'I', 'F', 'F'}, 0, 4)
                && Arrays.equals(bytes, 8, 12, new byte[] {'W', 'E', 'B', 'P'}, 0, 4)) {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
