package fr.ent.platform.backup;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * A backup file's encryption (ADR 0040): AES-256-GCM (the JDK's JCA provider) in chunks of 1 MiB, so that a backup
 * of any size is encrypted and decrypted in constant memory (the JDK's GCM holds the whole ciphertext before it
 * releases anything on decryption).
 *
 * <pre>
 * "ENTBKP01"  u16 n  header JSON (n bytes, {@link BackupHeader})  8-byte random nonce prefix
 * frames: u32 (high bit: last frame; low 31 bits: ciphertext length) ciphertext+tag
 * </pre>
 *
 * Each frame's nonce is the prefix and the frame's number (never reused: a new random prefix per file, 2^31 frames at
 * most); its additional data is everything before the frames, the frame's number and whether it is the last. So a
 * changed byte anywhere, frames reordered, dropped or added, a file cut short, a header changed, or another
 * collectivity's key: each makes decryption fail with {@code backup-corrupt}. Decryption writes a frame's plaintext
 * only once that frame is authenticated, but a later frame may still fail: callers decrypt to a scratch file and use
 * it only once {@link #decrypt} has returned.
 */
public final class BackupCipher {

    static final byte[] MAGIC = "ENTBKP01".getBytes(StandardCharsets.US_ASCII);
    static final int CHUNK = 1 << 20;
    private static final int TAG_BITS = 128;
    private static final int TAG_BYTES = TAG_BITS / 8;
    private static final int LAST = 0x8000_0000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private BackupCipher() {
    }

    /**
     * Encrypts {@code plain} to {@code out} with {@code header}'s collectivity key under the ring's current version;
     * returns the header as written (with that version).
     */
    public static BackupHeader encrypt(BackupKeyring ring, BackupHeader header, InputStream plain, OutputStream out)
            throws IOException {
        BackupHeader written = header.withKeyVersion(ring.current());
        byte[] prefix = new byte[8];
        RANDOM.nextBytes(prefix);
        byte[] head = head(written.toBytes(), prefix);
        out.write(head);
        SecretKey key = ring.keyOf(written.collectivity(), written.keyVersion());
        byte[] buffer = new byte[CHUNK];
        int filled = readFully(plain, buffer);
        int frame = 0;
        while (true) {
            // look ahead one chunk: the frame is the last when nothing follows it
            byte[] next = new byte[CHUNK];
            int nextFilled = filled == CHUNK ? readFully(plain, next) : 0;
            boolean last = nextFilled == 0;
            byte[] sealed = seal(key, prefix, head, frame, last, buffer, filled);
            out.write(ByteBuffer.allocate(4).putInt(sealed.length | (last ? LAST : 0)).array());
            out.write(sealed);
            if (last) {
                break;
            }
            buffer = next;
            filled = nextFilled;
            frame++;
        }
        out.flush();
        return written;
    }

    /** Reads the clear header only (which collectivity, which key version), without the key. */
    public static BackupHeader header(InputStream in) throws IOException {
        return readHead(new DataInputStream(in)).header;
    }

    /**
     * Decrypts {@code in} to {@code plain} after checking that it is {@code collectivity}'s; returns its header.
     * {@link UnreadableBackup} for anything wrong, after which what was written to {@code plain} must be discarded.
     */
    public static BackupHeader decrypt(BackupKeyring ring, UUID collectivity, InputStream in, OutputStream plain)
            throws IOException {
        DataInputStream data = new DataInputStream(in);
        Head head = readHead(data);
        if (!head.header.collectivity().equals(collectivity)) {
            throw new UnreadableBackup("backup-other-collectivity", "cette sauvegarde est celle d'une autre"
                    + " collectivité (" + head.header.slug() + ")");
        }
        SecretKey key = ring.keyOf(collectivity, head.header.keyVersion());
        int frame = 0;
        while (true) {
            int word;
            try {
                word = data.readInt();
            } catch (EOFException e) {
                throw corrupt("fichier tronqué (dernier bloc absent)");
            }
            boolean last = (word & LAST) != 0;
            int length = word & ~LAST;
            if (length < TAG_BYTES || length > CHUNK + TAG_BYTES) {
                throw corrupt("bloc " + frame + " de longueur impossible");
            }
            byte[] sealed = new byte[length];
            try {
                data.readFully(sealed);
            } catch (EOFException e) {
                throw corrupt("fichier tronqué (bloc " + frame + ")");
            }
            plain.write(open(key, head.prefix, head.bytes, frame, last, sealed));
            if (last) {
                if (data.read() != -1) {
                    throw corrupt("octets après le dernier bloc");
                }
                plain.flush();
                return head.header;
            }
            frame++;
        }
    }

    private record Head(BackupHeader header, byte[] prefix, byte[] bytes) {
    }

    private static Head readHead(DataInputStream data) throws IOException {
        try {
            byte[] magic = new byte[MAGIC.length];
            data.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new UnreadableBackup("backup-format", "ce n'est pas une sauvegarde de collectivité de l'ENT");
            }
            int n = data.readUnsignedShort();
            byte[] json = new byte[n];
            data.readFully(json);
            byte[] prefix = new byte[8];
            data.readFully(prefix);
            return new Head(BackupHeader.fromBytes(json), prefix, head(json, prefix));
        } catch (EOFException e) {
            throw new UnreadableBackup("backup-format", "fichier trop court pour une sauvegarde");
        }
    }

    private static byte[] head(byte[] json, byte[] prefix) {
        if (json.length > 0xFFFF) {
            throw new IllegalArgumentException("header too long");
        }
        return ByteBuffer.allocate(MAGIC.length + 2 + json.length + prefix.length).put(MAGIC)
                .putShort((short) json.length).put(json).put(prefix).array();
    }

    private static byte[] seal(SecretKey key, byte[] prefix, byte[] head, int frame, boolean last, byte[] plain,
            int length) {
        try {
            Cipher c = cipher(Cipher.ENCRYPT_MODE, key, prefix, head, frame, last);
            return c.doFinal(plain, 0, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private static byte[] open(SecretKey key, byte[] prefix, byte[] head, int frame, boolean last, byte[] sealed) {
        try {
            Cipher c = cipher(Cipher.DECRYPT_MODE, key, prefix, head, frame, last);
            return c.doFinal(sealed);
        } catch (AEADBadTagException e) {
            throw corrupt("bloc " + frame + " non authentifié : un octet changé, ou une autre clé");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] prefix, byte[] head, int frame, boolean last)
            throws GeneralSecurityException {
        byte[] nonce = ByteBuffer.allocate(12).put(prefix).putInt(frame).array();
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        c.updateAAD(head);
        c.updateAAD(ByteBuffer.allocate(5).putInt(frame).put((byte) (last ? 1 : 0)).array());
        return c;
    }

    private static UnreadableBackup corrupt(String why) {
        return new UnreadableBackup("backup-corrupt", why);
    }

    private static int readFully(InputStream in, byte[] buffer) throws IOException {
        int filled = 0;
        while (filled < buffer.length) {
            int n = in.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
        }
        return filled;
    }
}
