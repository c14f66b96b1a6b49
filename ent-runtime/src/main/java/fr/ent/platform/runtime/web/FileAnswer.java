package fr.ent.platform.runtime.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How a kept file is handed back, by the documents app and by every app that serves a document by reference (the
 * diary's attachments): as a download (attachment) with its type, never sniffed nor cached; or, for an image or a
 * PDF whose first bytes were checked at upload, inline under a policy that lets it run nothing. One place, so that
 * a document opened through another app gets exactly the headers it gets in the documents app.
 *
 * @param contentType the type the file is sent with
 * @param headers the other headers (disposition, no sniffing, no store, length, the inline policy)
 */
public record FileAnswer(String contentType, Map<String, String> headers) {

    /** Inline files may load nothing but themselves (a PDF viewer, an image): no script, no frame, no form. */
    public static final String INLINE_POLICY = "default-src 'none'; img-src 'self'; object-src 'self';"
            + " style-src 'unsafe-inline'; frame-ancestors 'self'; form-action 'none'";
    /** The types shown inline when a preview is asked: the documents app checks their first bytes at upload. */
    public static final Set<String> INLINE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp",
            "application/pdf");
    public static final String UNKNOWN = "application/octet-stream";

    public FileAnswer {
        headers = Map.copyOf(headers);
    }

    /** The answer for a file of this name, type and size; inline only if asked and its type is one of ours. */
    public static FileAnswer of(String name, String type, long size, boolean preview) {
        boolean inline = preview && inline(type);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Disposition", disposition(inline ? "inline" : "attachment", name));
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Cache-Control", "private, no-store");
        headers.put("Content-Length", Long.toString(size));
        if (inline) {
            headers.put("Content-Security-Policy", INLINE_POLICY);
        }
        return new FileAnswer(inline ? type : attachmentType(type), headers);
    }

    /** Whether a file of this type is shown inline when a preview is asked. */
    public static boolean inline(String type) {
        return type != null && INLINE_TYPES.contains(type);
    }

    /** The type a download is sent with: the kept one, except text that a browser might render as a page. */
    public static String attachmentType(String type) {
        return type == null || type.startsWith("text/html") || type.contains("xml") || type.contains("javascript")
                ? UNKNOWN : type;
    }

    /** {@code kind; filename="ascii"; filename*=UTF-8''encoded} (RFC 6266 / 5987). */
    public static String disposition(String kind, String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7E]", "_").replace("\"", "_").replace("\\", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return kind + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    /** A JAX-RS answer streaming {@code content}, which it closes. */
    public Response response(InputStream content) {
        StreamingOutput body = out -> {
            try (InputStream in = content) {
                in.transferTo(out);
            }
        };
        Response.ResponseBuilder answer = Response.ok(body, contentType);
        headers.forEach(answer::header);
        return answer.build();
    }

    /** Writes the answer to a page's response (a servlet), then {@code content}, which it closes. */
    public void send(HttpServletResponse response, InputStream content) throws IOException {
        try (InputStream in = content) {
            response.setStatus(200);
            headers.forEach(response::setHeader);
            response.setContentType(contentType);
            try (OutputStream out = response.getOutputStream()) {
                in.transferTo(out);
            }
        }
    }
}
