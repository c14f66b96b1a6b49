package fr.ent.platform.runtime.documents;

import java.util.List;

/**
 * One page of someone's files for a picker (the messagerie's compose page, the diary's editor): the files of this
 * page, newest first, and whether more follow.
 */
public record DocumentPage(List<DocumentFacts> files, boolean more) {

    public DocumentPage {
        files = List.copyOf(files);
    }
}
