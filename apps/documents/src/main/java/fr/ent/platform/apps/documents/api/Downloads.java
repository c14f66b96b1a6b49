package fr.ent.platform.apps.documents.api;

import fr.ent.platform.apps.documents.space.Documents;
import fr.ent.platform.apps.documents.space.FileTypes;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * How a kept file is handed back: as a download (attachment) with its type and no sniffing, or, for an image or a
 * PDF whose bytes were checked at upload, inline under a policy that lets it run nothing. Shared by the API and
 * the pages.
 */
public final class Downloads {

    /** Inline files may load nothing but themselves (a PDF viewer, an image): no script, no frame, no form. */
    public static final String INLINE_POLICY = "default-src 'none'; img-src 'self'; object-src 'self';"
            + " style-src 'unsafe-inline'; frame-ancestors 'self'; form-action 'none'";

    private Downloads() {
    }

    public static String disposition(String kind, String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7E]", "_").replace("\"", "_").replace("\\", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return kind + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    /** Whether a file of this type is shown inline when asked for a preview. */
    public static boolean inline(String type) {
        return FileTypes.previewable(type);
    }

    public static Response of(Documents.Download d, boolean preview) {
        boolean inline = preview && inline(d.contentType());
        StreamingOutput body = out -> {
            try (var file = d.file(); InputStream in = file.content()) {
                in.transferTo(out);
            }
        };
        Response.ResponseBuilder answer = Response.ok(body, inline ? d.contentType() : FileTypes.attachmentType(
                d.contentType()))
                .header("Content-Disposition", disposition(inline ? "inline" : "attachment", d.name()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .header("Content-Length", d.file().object().size());
        if (inline) {
            answer.header("Content-Security-Policy", INLINE_POLICY);
        }
        return answer.build();
    }
}
