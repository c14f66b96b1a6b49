package fr.ent.platform.runtime.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A stored file being read: what it is and its content as a stream, never held whole in memory. The caller closes
 * it (try-with-resources), which releases the file handle or the HTTP connection.
 */
public final class StoredFile implements AutoCloseable {

    private final StoredObject object;
    private final InputStream content;

    public StoredFile(StoredObject object, InputStream content) {
        this.object = Objects.requireNonNull(object, "object");
        this.content = Objects.requireNonNull(content, "content");
    }

    public StoredObject object() {
        return object;
    }

    public InputStream content() {
        return content;
    }

    @Override
    public void close() throws IOException {
        content.close();
    }
}
