package fr.ent.platform.apps.console.tenantmanager;

import fr.ent.platform.problem.InvalidInput;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;

/**
 * tenant-manager's refusals (RFC 9457 documents, already in the reader's language: the channel sends it) turned
 * into the console's own refusal, so that a form shows tenant-manager's reason next to its fields.
 */
public final class ConsoleProblems {

    private ConsoleProblems() {
    }

    /** The refusal an answer of status 400 or 409 carries, with its detail as tenant-manager wrote it (a 400 here). */
    public static RuntimeException refusal(TenantManagerChannel.Answer answer) {
        return InvalidInput.field("tenant-manager", "console.refusal", detail(answer.body()));
    }

    /** The {@code detail} (else the {@code title}) of a problem document; the raw text if it is not one. */
    public static String detail(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonObject problem = reader.readObject();
            String detail = problem.getString("detail", "");
            return detail.isBlank() ? problem.getString("title", "") : detail;
        } catch (RuntimeException e) {
            return body.length() > 300 ? body.substring(0, 300) : body;
        }
    }
}
