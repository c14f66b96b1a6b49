package fr.ent.platform.transfer;

import java.util.regex.Pattern;

/**
 * The open format a collectivity leaves (or enters) the platform in, {@value #FORMAT} (issue 18 item 5, ADR 0033,
 * docs/reversibility-format.md): a ZIP holding {@code manifest.json}, one JSON Lines file per table of each app
 * ({@code apps/<app>/<table>.jsonl}, one JSON object per row, the table's own column names) and the original files
 * ({@code files/<app>/...}). Raise the number with any change a reader would notice.
 */
public final class TransferFormat {

    public static final String FORMAT = "ent-collectivity-export/1";
    public static final String MANIFEST = "manifest.json";
    /** {@code sha256sum}'s line for the manifest: {@code <hex>  manifest.json}. */
    public static final String MANIFEST_SHA256 = "manifest.sha256";

    /** Paths inside the archive: relative, segments of safe characters, never {@code ..}. */
    private static final Pattern SAFE_PATH = Pattern.compile("(apps|files)(/[A-Za-z0-9_][A-Za-z0-9._@+=-]{0,199}){2,12}");

    private TransferFormat() {
    }

    /**
     * Where tenant-manager leaves an archive it verified for the runtime to import (both applications run in the same
     * server): {@code ENT_TRANSFER_DIR}, or {@code ent-transfer} in the JVM's temporary directory.
     */
    public static java.nio.file.Path spool() {
        String dir = System.getProperty("ent.transfer.dir", System.getenv("ENT_TRANSFER_DIR"));
        java.nio.file.Path path = dir == null || dir.isBlank()
                ? java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "ent-transfer") : java.nio.file.Path.of(dir);
        return path.toAbsolutePath().normalize();
    }

    /** A spooled archive's path, checked to be a file name of the spool (the runtime takes nothing else). */
    public static java.nio.file.Path spooled(String name) {
        if (name == null || !name.matches("[0-9a-f-]{36}\\.zip")) {
            throw new IllegalArgumentException("not a spooled archive: " + name);
        }
        return spool().resolve(name);
    }

    /** Whether {@code path} may be an entry of the archive (checked when writing and when reading). */
    public static boolean safePath(String path) {
        return path != null && SAFE_PATH.matcher(path).matches() && !path.contains("/..") && !path.contains("../");
    }

    static String requireSafe(String path) {
        if (!safePath(path)) {
            throw new IllegalArgumentException("not a path of the archive: " + path);
        }
        return path;
    }
}
