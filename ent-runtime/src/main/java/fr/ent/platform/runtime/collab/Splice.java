package fr.ent.platform.runtime.collab;

/**
 * One local edit of a text as a browser's textarea sees it: at {@code index}, {@code deleted} characters removed and
 * {@code inserted} typed in their place. Indexes and counts are in UTF-16 code units, JavaScript's string units, so
 * the browser's script needs no conversion; {@link LiveText} turns them into Automerge's (Unicode code points)
 * against the very text they were made on.
 */
public record Splice(int index, int deleted, String inserted) {

    public Splice {
        inserted = inserted == null ? "" : inserted;
    }
}
