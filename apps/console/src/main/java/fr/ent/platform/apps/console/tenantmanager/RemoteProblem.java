package fr.ent.platform.apps.console.tenantmanager;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.Optional;

/**
 * A refusal tenant-manager answered (RFC 9457, in the reader's language: the channel sends Accept-Language), as the
 * console shows it: its code (the end of its {@code type}, e.g. {@code prometheus-not-configured}), title and detail.
 */
public record RemoteProblem(int status, String code, String title, String detail) {

    private static final String TYPE_PREFIX = "urn:ent:problem:";

    /** The problem in this answer, if it is one (a problem document); else nothing. */
    public static Optional<RemoteProblem> of(TenantManagerChannel.Raw answer) {
        if (answer.status() < 400 || answer.body().length == 0) {
            return Optional.empty();
        }
        try (JsonReader reader = Json.createReader(new StringReader(answer.text()))) {
            JsonObject o = reader.readObject();
            String type = o.getString("type", "");
            return Optional.of(new RemoteProblem(answer.status(),
                    type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : type,
                    o.getString("title", ""), o.getString("detail", o.getString("title", ""))));
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }
}
