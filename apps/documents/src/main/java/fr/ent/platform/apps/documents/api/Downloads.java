package fr.ent.platform.apps.documents.api;

import fr.ent.platform.apps.documents.space.Documents;
import fr.ent.platform.runtime.web.FileAnswer;
import jakarta.ws.rs.core.Response;

/**
 * How a kept file is handed back (the platform's {@link FileAnswer}: a download with its type and no sniffing, or,
 * for an image or a PDF whose bytes were checked at upload, inline under a policy that lets it run nothing).
 * Shared by the API and the pages.
 */
public final class Downloads {

    private Downloads() {
    }

    /** Whether a file of this type is shown inline when asked for a preview. */
    public static boolean inline(String type) {
        return FileAnswer.inline(type);
    }

    public static Response of(Documents.Download d, boolean preview) {
        return FileAnswer.of(d.name(), d.contentType(), d.file().object().size(), preview).response(d.file().content());
    }
}
