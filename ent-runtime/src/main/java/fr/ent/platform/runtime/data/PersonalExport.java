package fr.ent.platform.runtime.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * Where an app writes one person's data ({@link DataContract#exportPerson}): named sections of rows, which become
 * the app's JSON file of the archive ({@code <app>.json}), and original files, which go under {@code files/<app>/}.
 * Values are strings, numbers, booleans, null, or what {@link Rows} turns into those (ids, dates, times).
 */
public interface PersonalExport {

    /** A section of the app's JSON file: a list of rows (column → value), in the order given. */
    void section(String name, List<Map<String, Object>> rows);

    /**
     * An original file, copied into the archive as {@code files/<app>/<path>}.
     *
     * @param path a relative path of safe segments (see {@link #safeName}); the app chooses it unique
     * @return the path of the file in the archive, for the app's JSON to name it
     */
    String file(String path, Content content);

    /** The bytes of a file, opened when the archive copies them (and closed by it). */
    @FunctionalInterface
    interface Content {
        InputStream open() throws IOException;
    }

    /**
     * A file name as a segment of a path inside the archive: what the person named it, without the characters
     * archive tools or file systems refuse or read as a path ({@code / \ : * ? " < > |}, controls, a leading dot),
     * at most 120 characters. Never empty.
     */
    static String safeName(String name) {
        String safe = (name == null ? "" : name).replaceAll("[\\p{Cntrl}/\\\\:*?\"<>|]", "_").strip();
        while (safe.startsWith(".")) {
            safe = safe.substring(1);
        }
        if (safe.length() > 120) {
            safe = safe.substring(0, 120);
        }
        return safe.isEmpty() ? "fichier" : safe;
    }
}
