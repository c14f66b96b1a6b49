package fr.ent.platform.runtime.documents;

import java.util.Optional;
import java.util.UUID;

/**
 * The espace documentaire as other apps see it (a CDI bean of the documents app; apps never read its tables nor
 * use its classes, design/apps.md): a file of someone's space, named by its id. Every call runs in the current
 * collectivity's request, so an id of another collectivity is simply unknown.
 *
 * <p>Two ways to hand a document to others, for two kinds of app:
 * <ul>
 * <li>the messagerie keeps the <b>sender's right</b>: {@link #readable} when attaching, {@link #open} as the sender
 * at each download, so the recipients read it exactly while the sender may (a withdrawn share closes it);</li>
 * <li>the diary <b>shares it</b> to the readers of what it is attached to, which it vouches for itself:
 * {@link #attachable} (MANAGER, since attaching is a share) when attaching, {@link #attached} at each download, so
 * it is readable while the owner keeps it out of the trash.</li>
 * </ul>
 */
public interface DocumentLibrary {

    /** The most files one {@link #ownFiles} page holds. */
    int PAGE_MAX = 100;

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

    /**
     * The live files of {@code owner}'s own space (not in the trash, nor under a trashed folder), newest first,
     * whose name contains {@code words} (ignoring case; blank: all), from {@code offset}, at most {@code limit}
     * (1 to {@link #PAGE_MAX}): a picker of documents to attach.
     */
    DocumentPage ownFiles(UUID owner, String words, int offset, int limit);

    /**
     * The file, if {@code user} may attach it to something whose readers will then open it: a live file they could
     * share (MANAGER: their own, or one managed for them). Attaching is a share, so reading is not enough.
     *
     * @throws fr.ent.platform.problem.NotFound {@code document-not-found}: a document they may not read (unknown,
     *         another's, another collectivity's, trashed, a folder)
     * @throws fr.ent.platform.problem.NotAllowed {@code forbidden}: a document they may only read or add to
     */
    DocumentFacts attachable(UUID user, UUID document);

    /**
     * The current version of a file another app references, for a reader that app has let through (it checked its
     * own rights on the thing the file is attached to; the documents' shares do not apply); the caller closes it.
     * Empty once the file, or a folder above it, is in the trash or deleted: its owner can always take it back.
     */
    Optional<OpenDocument> attached(UUID document);
}
