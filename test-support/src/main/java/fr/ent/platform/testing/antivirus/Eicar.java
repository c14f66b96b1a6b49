package fr.ent.platform.testing.antivirus;

import java.nio.charset.StandardCharsets;

/**
 * The EICAR anti-virus test file: 68 harmless bytes that every antivirus reports as infected, the agreed way to
 * check that a scan really happens. Assembled from two halves so that this source file itself is not the test
 * file (a scanner looking at the repository would flag it).
 */
public final class Eicar {

    private static final String FIRST = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$";
    private static final String SECOND = "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    private Eicar() {
    }

    public static byte[] bytes() {
        return (FIRST + SECOND).getBytes(StandardCharsets.US_ASCII);
    }

    /** The signature in clamd's body-signature (.ndb) form: the whole file, hex-encoded, at any offset. */
    static String ndbSignature(String name) {
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes()) {
            hex.append(String.format("%02x", b));
        }
        return name + ":0:*:" + hex;
    }
}
