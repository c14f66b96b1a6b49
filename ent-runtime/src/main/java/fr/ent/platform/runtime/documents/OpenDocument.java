package fr.ent.platform.runtime.documents;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/** A document being read: what it is and its content as a stream, closed by the caller. */
public record OpenDocument(DocumentFacts facts, InputStream content) implements AutoCloseable {

    public OpenDocument {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(content, "content");
    }

    @Override
    public void close() throws IOException {
        content.close();
    }
}
