package fr.ent.platform.backup;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The platform's backup master keys, numbered, and the key of one collectivity derived from them (ADR 0040): HKDF
 * (RFC 5869, HMAC-SHA-256) of the master key of a version, with the collectivity's registry id in the info. No
 * per-collectivity key is ever stored: losing the master keys loses every backup, and nothing else has to be kept
 * secret. The id (not the slug) is bound in, so that a collectivity deleted then made again under the same slug
 * cannot read the former one's backups.
 *
 * <p>Rotation: a new version is added ({@code ent.backup.keys=1:...,2:...}); new backups use the highest version,
 * older backups name theirs in their header and stay readable as long as their version is in the ring. A version is
 * removed once no kept backup names it.
 */
public final class BackupKeyring {

    private static final byte[] SALT = "ent-collectivity-backup/1".getBytes(StandardCharsets.UTF_8);
    private static final int MIN_MASTER_BYTES = 32;

    private final NavigableMap<Integer, byte[]> masters;

    private BackupKeyring(NavigableMap<Integer, byte[]> masters) {
        if (masters.isEmpty()) {
            throw new IllegalArgumentException("no backup master key (ent.backup.keys)");
        }
        this.masters = masters;
    }

    /**
     * Parses {@code 1:<base64>,2:<base64>}: each master key at least 32 random bytes ({@code openssl rand -base64
     * 32}). Throws naming the version at fault, never the key.
     */
    public static BackupKeyring parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("no backup master key (ent.backup.keys)");
        }
        NavigableMap<Integer, byte[]> masters = new TreeMap<>();
        for (String part : spec.split(",")) {
            String item = part.strip();
            int colon = item.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("ent.backup.keys: expected <version>:<base64 key>, separated by commas");
            }
            int version;
            try {
                version = Integer.parseInt(item.substring(0, colon));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("ent.backup.keys: a version is not a number");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(item.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("ent.backup.keys: version " + version + " is not base64");
            }
            if (version < 1 || key.length < MIN_MASTER_BYTES) {
                throw new IllegalArgumentException("ent.backup.keys: version " + version
                        + " must be >= 1 with a key of at least " + MIN_MASTER_BYTES + " bytes");
            }
            if (masters.put(version, key) != null) {
                throw new IllegalArgumentException("ent.backup.keys: version " + version + " given twice");
            }
        }
        return new BackupKeyring(masters);
    }

    /** The version new backups are encrypted with: the highest. */
    public int current() {
        return masters.lastKey();
    }

    public boolean has(int version) {
        return masters.containsKey(version);
    }

    public Map<Integer, Integer> versions() {
        Map<Integer, Integer> out = new TreeMap<>();
        masters.forEach((v, k) -> out.put(v, k.length));
        return Collections.unmodifiableMap(out);
    }

    /** The AES-256 key of {@code collectivity}'s backups under master key {@code version}. */
    public SecretKey keyOf(UUID collectivity, int version) {
        byte[] master = masters.get(version);
        if (master == null) {
            throw new UnreadableBackup("backup-key-unknown", "clé de sauvegarde version " + version
                    + " absente de ent.backup.keys");
        }
        byte[] info = ("collectivity:" + collectivity + ":v" + version).getBytes(StandardCharsets.UTF_8);
        byte[] okm = hkdf(master, info, 32);
        try {
            return new SecretKeySpec(okm, "AES");
        } finally {
            Arrays.fill(okm, (byte) 0);
        }
    }

    /** HKDF-SHA-256 (RFC 5869), extract then expand; {@code length} at most 32 here. */
    static byte[] hkdf(byte[] ikm, byte[] info, int length) {
        try {
            Mac extract = Mac.getInstance("HmacSHA256");
            extract.init(new SecretKeySpec(SALT, "HmacSHA256"));
            byte[] prk = extract.doFinal(ikm);
            Mac expand = Mac.getInstance("HmacSHA256");
            expand.init(new SecretKeySpec(prk, "HmacSHA256"));
            expand.update(info);
            expand.update((byte) 1);
            byte[] t1 = expand.doFinal();
            Arrays.fill(prk, (byte) 0);
            return Arrays.copyOf(t1, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 unavailable", e);
        }
    }
}
