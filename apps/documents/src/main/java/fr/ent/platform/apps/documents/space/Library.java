package fr.ent.platform.apps.documents.space;

import fr.ent.platform.runtime.documents.DocumentFacts;
import fr.ent.platform.runtime.documents.DocumentLibrary;
import fr.ent.platform.runtime.documents.DocumentPage;
import fr.ent.platform.runtime.documents.OpenDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The espace documentaire for the other apps ({@link DocumentLibrary}): the messagerie's documents attached by
 * reference, read as the sender may read them ({@link Documents#find}: owner, a share to them or one of their
 * groups, on the file or a folder above it, never from a trash); the diary's attachments, shared to the entry's
 * readers by a teacher who manages the file ({@link Documents#attachable}) and opened while the file is live
 * ({@link Documents#attached}).
 */
@ApplicationScoped
public class Library implements DocumentLibrary {

    @Inject
    Documents documents;

    @Override
    public Optional<DocumentFacts> readable(UUID reader, UUID document) {
        Me me = reader(reader);
        return live(me, document).map(r -> facts(documents.node(me, document)));
    }

    @Override
    public Optional<OpenDocument> open(UUID reader, UUID document) {
        Me me = reader(reader);
        if (live(me, document).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(opened(document, documents.download(me, document, Optional.empty())));
    }

    @Override
    public DocumentPage ownFiles(UUID owner, String words, int offset, int limit) {
        if (limit < 1 || limit > PAGE_MAX) {
            throw new IllegalArgumentException("limit " + limit + " outside 1.." + PAGE_MAX);
        }
        return documents.ownFiles(reader(owner), words, offset, limit);
    }

    @Override
    public DocumentFacts attachable(UUID user, UUID document) {
        return facts(documents.attachable(reader(user), document));
    }

    @Override
    public Optional<OpenDocument> attached(UUID document) {
        return documents.attached(document).map(d -> opened(document, d));
    }

    /** The readable, untrashed file; a folder is not a document to attach. */
    private Optional<Documents.Resolved> live(Me me, UUID document) {
        return documents.find(me, document).filter(r -> !r.trashed() && "file".equals(r.row().kind()));
    }

    private static DocumentFacts facts(Views.Node n) {
        return new DocumentFacts(n.id(), n.name(), n.contentType() == null ? FileTypes.UNKNOWN : n.contentType(),
                n.size());
    }

    private static OpenDocument opened(UUID document, Documents.Download d) {
        return new OpenDocument(new DocumentFacts(document, d.name(), d.contentType(), d.file().object().size()),
                d.file().content());
    }

    /** Rights do not depend on profiles (those set a quota only), which another app does not know. */
    private static Me reader(UUID id) {
        return new Me(id, Set.of());
    }
}
