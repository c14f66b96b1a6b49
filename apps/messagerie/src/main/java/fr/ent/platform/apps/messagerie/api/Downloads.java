package fr.ent.platform.apps.messagerie.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** How a kept file is handed back: always as a download, its name safe in the header (RFC 6266 / 5987). */
public final class Downloads {

    private Downloads() {
    }

    public static String disposition(String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7E]", "_").replace("\"", "_").replace("\\", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
