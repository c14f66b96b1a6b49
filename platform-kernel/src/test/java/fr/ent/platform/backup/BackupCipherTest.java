package fr.ent.platform.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BackupCipherTest {

    private static final UUID LYON = UUID.randomUUID();
    private static final UUID NANTES = UUID.randomUUID();
    private static final BackupKeyring RING = BackupKeyring.parse("1:" + key(1));

    @Test
    void whatIsEncryptedComesBackByteForByteAcrossSeveralChunks() throws IOException {
        byte[] plain = random(BackupCipher.CHUNK * 2 + 12345);
        byte[] sealed = encrypt(RING, LYON, plain);
        assertThat(sealed.length).isGreaterThan(plain.length);
        // nothing of the plaintext shows through
        assertThat(indexOf(sealed, Arrays.copyOfRange(plain, 1000, 1032))).isEqualTo(-1);
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        BackupHeader header = BackupCipher.decrypt(RING, LYON, new ByteArrayInputStream(sealed), back);
        assertThat(back.toByteArray()).isEqualTo(plain);
        assertThat(header.slug()).isEqualTo("lyon");
        assertThat(header.keyVersion()).isEqualTo(1);
    }

    @Test
    void emptyAndExactlyOneChunkRoundTrip() throws IOException {
        for (byte[] plain : new byte[][] {new byte[0], random(BackupCipher.CHUNK)}) {
            ByteArrayOutputStream back = new ByteArrayOutputStream();
            BackupCipher.decrypt(RING, LYON, new ByteArrayInputStream(encrypt(RING, LYON, plain)), back);
            assertThat(back.toByteArray()).isEqualTo(plain);
        }
    }

    @Test
    void oneByteChangedAnywhereIsRefused() throws IOException {
        byte[] sealed = encrypt(RING, LYON, random(BackupCipher.CHUNK + 500));
        int headerEnd = 8 + 2 + ((sealed[8] & 0xff) << 8 | (sealed[9] & 0xff)) + 8;
        // in the nonce prefix, in a frame's length, in the first frame, in the last frame's tag
        for (int at : new int[] {headerEnd - 3, headerEnd + 2, headerEnd + 100, sealed.length - 1}) {
            byte[] changed = sealed.clone();
            changed[at] ^= 0x01;
            assertThatThrownBy(() -> BackupCipher.decrypt(RING, LYON, new ByteArrayInputStream(changed),
                    new ByteArrayOutputStream())).as("byte " + at).isInstanceOf(UnreadableBackup.class)
                    .satisfies(e -> assertThat(((UnreadableBackup) e).code()).isIn("backup-corrupt", "backup-format"));
        }
    }

    @Test
    void aChangedHeaderIsRefusedEvenWhenItStaysReadable() throws IOException {
        byte[] sealed = encrypt(RING, LYON, random(100));
        String text = new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] renamed = text.replace("\"slug\":\"lyon\"", "\"slug\":\"lyom\"")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(renamed).isNotEqualTo(sealed);
        assertThatThrownBy(() -> BackupCipher.decrypt(RING, LYON, new ByteArrayInputStream(renamed),
                new ByteArrayOutputStream())).hasMessageStartingWith("backup-corrupt");
    }

    @Test
    void aTruncatedOrExtendedFileIsRefused() throws IOException {
        byte[] sealed = encrypt(RING, LYON, random(BackupCipher.CHUNK + 500));
        byte[] cut = Arrays.copyOf(sealed, sealed.length - 600);
        assertThatThrownBy(() -> BackupCipher.decrypt(RING, LYON, new ByteArrayInputStream(cut),
                new ByteArrayOutputStream())).hasMessageStartingWith("backup-corrupt");
        byte[] longer = Arrays.copyOf(sealed, sealed.length + 1);
        assertThatThrownBy(() -> BackupCipher.decrypt(RING, LYON, new ByteArrayInputStream(longer),
                new ByteArrayOutputStream())).hasMessageStartingWith("backup-corrupt");
    }

    @Test
    void theWrongMasterKeyCannotRead() throws IOException {
        byte[] sealed = encrypt(RING, LYON, random(100));
        BackupKeyring other = BackupKeyring.parse("1:" + key(2));
        assertThatThrownBy(() -> BackupCipher.decrypt(other, LYON, new ByteArrayInputStream(sealed),
                new ByteArrayOutputStream())).hasMessageStartingWith("backup-corrupt");
    }

    @Test
    void anotherCollectivitysBackupIsRefusedAndItsKeyCannotReadIt() throws IOException {
        byte[] lyons = encrypt(RING, LYON, random(100));
        // asked to restore into Nantes: refused from the header
        assertThatThrownBy(() -> BackupCipher.decrypt(RING, NANTES, new ByteArrayInputStream(lyons),
                new ByteArrayOutputStream())).hasMessageStartingWith("backup-other-collectivity");
        // and the header rewritten to say Nantes: Nantes' key does not open Lyon's frames
        String text = new String(lyons, java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] forged = text.replace(LYON.toString(), NANTES.toString()).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> BackupCipher.decrypt(RING, NANTES, new ByteArrayInputStream(forged),
                new ByteArrayOutputStream())).hasMessageStartingWith("backup-corrupt");
        // the two collectivities' keys differ
        assertThat(RING.keyOf(LYON, 1).getEncoded()).isNotEqualTo(RING.keyOf(NANTES, 1).getEncoded());
    }

    @Test
    void afterARotationNewBackupsUseTheNewKeyAndOldOnesStayReadable() throws IOException {
        byte[] old = encrypt(RING, LYON, "avant".getBytes());
        BackupKeyring rotated = BackupKeyring.parse("1:" + key(1) + ", 2:" + key(3));
        byte[] fresh = encrypt(rotated, LYON, "après".getBytes());
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        assertThat(BackupCipher.decrypt(rotated, LYON, new ByteArrayInputStream(old), back).keyVersion()).isEqualTo(1);
        assertThat(back.toString()).isEqualTo("avant");
        assertThat(BackupCipher.header(new ByteArrayInputStream(fresh)).keyVersion()).isEqualTo(2);
        // once version 1 is removed from the ring, its backups are refused by name
        BackupKeyring withoutOne = BackupKeyring.parse("2:" + key(3));
        assertThatThrownBy(() -> BackupCipher.decrypt(withoutOne, LYON, new ByteArrayInputStream(old),
                new ByteArrayOutputStream())).hasMessageStartingWith("backup-key-unknown");
    }

    @Test
    void notABackupAndBadKeyringsAreToldApart() {
        assertThatThrownBy(() -> BackupCipher.decrypt(RING, LYON, new ByteArrayInputStream("PK\3\4 a zip".getBytes()),
                new ByteArrayOutputStream())).hasMessageStartingWith("backup-format");
        assertThatThrownBy(() -> BackupKeyring.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BackupKeyring.parse("1:" + Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> BackupKeyring.parse("1:" + key(1) + ",1:" + key(2))).hasMessageContaining("twice");
    }

    private static byte[] encrypt(BackupKeyring ring, UUID collectivity, byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BackupCipher.encrypt(ring, new BackupHeader(collectivity, "lyon", UUID.randomUUID(), 0, Instant.now()),
                new ByteArrayInputStream(plain), out);
        return out.toByteArray();
    }

    private static String key(int seed) {
        byte[] k = new byte[32];
        new Random(seed).nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
