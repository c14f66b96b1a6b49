package fr.ent.platform.runtime.documents;

import java.util.Optional;
import java.util.UUID;

/**
 * The espace documentaire as other apps see it (a CDI bean of the documents app; apps never read its tables,
 * design/apps.md): a file of someone's space, named by its id, as that person may read it right now. The
 * messagerie uses it to attach a document by reference and to serve it to the recipients while its sender may
 * still read it. Every call runs in the current collectivity's request, so an id of another collectivity is
 * simply unknown.
 */
public interface DocumentLibrary {

    /**
     * The file as {@code reader} may read it now: a file (not a folder) they own or that is shared with them for
     * reading, not in a trash. Empty otherwise (unknown id, another's file, trashed, share withdrawn): to the
     * caller, all of these are "not found".
     */
    Optional<DocumentFacts> readable(UUID reader, UUID document);

    /**
     * The current version's content, under the same condition as {@link #readable}; the caller closes it. Empty
     * when the reader may no longer read it.
     */
    Optional<OpenDocument> open(UUID reader, UUID document);
}
