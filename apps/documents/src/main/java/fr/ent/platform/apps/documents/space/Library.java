package fr.ent.platform.apps.documents.space;

import fr.ent.platform.runtime.documents.DocumentFacts;
import fr.ent.platform.runtime.documents.DocumentLibrary;
import fr.ent.platform.runtime.documents.OpenDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The espace documentaire for the other apps (the messagerie's documents attached by reference): a file as a given
 * person may read it now, with the same rights as their own pages ({@link Documents#find}: owner, a share to them or
 * one of their groups, on the file or a folder above it), and never from a trash.
 */
@ApplicationScoped
public class Library implements DocumentLibrary {

    @Inject
    Documents documents;

    @Override
    public Optional<DocumentFacts> readable(UUID reader, UUID document) {
        Me me = reader(reader);
        return live(me, document).map(r -> {
            Views.Node n = documents.node(me, document);
            return new DocumentFacts(document, n.name(), n.contentType() == null ? "application/octet-stream"
                    : n.contentType(), n.size());
        });
    }

    @Override
    public Optional<OpenDocument> open(UUID reader, UUID document) {
        Me me = reader(reader);
        if (live(me, document).isEmpty()) {
            return Optional.empty();
        }
        Documents.Download d = documents.download(me, document, Optional.empty());
        return Optional.of(new OpenDocument(new DocumentFacts(document, d.name(), d.contentType(),
                d.file().object().size()), d.file().content()));
    }

    /** The readable, untrashed file; a folder is not a document to attach. */
    private Optional<Documents.Resolved> live(Me me, UUID document) {
        return documents.find(me, document).filter(r -> !r.trashed() && "file".equals(r.row().kind()));
    }

    /** Rights do not depend on profiles (those set a quota only), which another app does not know. */
    private static Me reader(UUID id) {
        return new Me(id, Set.of());
    }
}
