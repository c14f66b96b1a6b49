package fr.ent.platform.runtime.storage;

import fr.ent.platform.problem.TooLarge;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Copying a stream with a size limit: the one place {@code file-too-large} is decided. */
final class Limits {

    static final int BUFFER = 64 * 1024;

    private Limits() {
    }

    /**
     * Copies at most {@code maxBytes} from {@code in} to {@code out} and returns how many; one byte more and it
     * stops with {@code file-too-large} (the caller deletes what it wrote).
     */
    static long copy(InputStream in, OutputStream out, long maxBytes) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
            if (total > maxBytes) {
                throw tooLarge(maxBytes);
            }
            out.write(buffer, 0, read);
        }
        return total;
    }

    static TooLarge tooLarge(long maxBytes) {
        return (TooLarge) new TooLarge("file-too-large", maxBytes, maxBytes / (1024 * 1024)).with("maxBytes",
                maxBytes);
    }
}
