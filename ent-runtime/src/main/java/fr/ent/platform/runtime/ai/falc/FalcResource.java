package fr.ent.platform.runtime.ai.falc;

import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.Problem;
import fr.ent.platform.runtime.ai.ChatCompletions;
import fr.ent.platform.runtime.security.Allow;
import fr.ent.platform.runtime.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code POST /api/v1/falc} on a collectivity's domain (the tenant filter has resolved it: unknown host, 404).
 * Thin: reads {@code {"text": "..."}}, answers the suggestion. The one place to annotate for authentication.
 */
@Path("/v1/falc")
// Rewriting is a tool for those who write to families and pupils; it calls a paid external provider.
@Allow({Roles.TEACHER, Roles.PERSONNEL, Roles.CLASS_ADMIN, Roles.ADMIN_LOCAL, Roles.SUPER_ADMIN})
@RequestScoped
public class FalcResource {

    @Inject
    ChatCompletions ai;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Proposer une réécriture FALC (facile à lire et à comprendre) d'un texte, avec sa lisibilité "
            + "avant/après ; rien n'est enregistré")
    @APIResponse(responseCode = "200", description = "Suggestion à relire")
    @APIResponse(responseCode = "400", description = "Texte absent ou trop long",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "502", description = "Le fournisseur d'IA a échoué",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "Fournisseur d'IA non configuré ou refusé par les règles souveraines",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public FalcSuggestion rewrite(String body) {
        return new FalcRewriter(ai).rewrite(text(body));
    }

    private static String text(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInput("malformed-request");
        }
        try (var reader = Json.createReader(new StringReader(body))) {
            JsonObject json = reader.readObject();
            return json.get("text") instanceof JsonString s ? s.getString() : null;
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidInput("malformed-request");
        }
    }
}
