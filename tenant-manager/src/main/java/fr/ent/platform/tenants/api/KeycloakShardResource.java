package fr.ent.platform.tenants.api;

import fr.ent.platform.adminapi.KeycloakShardRequest;
import fr.ent.platform.adminapi.KeycloakShardView;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.problem.Problem;
import fr.ent.platform.tenants.access.AdminCaller;
import fr.ent.platform.tenants.shards.KeycloakShard;
import fr.ent.platform.tenants.shards.ShardInput;
import fr.ent.platform.tenants.shards.ShardRegistry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The Keycloak servers collectivities' realms are spread over (ADR 0044, ADR 0050): the hosting operators, and the
 * Kubernetes operator that opens shards, list them and register them. Platform operators only: the access filter
 * lets a collectivity's administrators reach nothing outside {@code /collectivities/{their slug}}.
 */
@Path("/keycloak-shards")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class KeycloakShardResource {

    private static final Logger LOG = Logger.getLogger(KeycloakShardResource.class.getName());

    @jakarta.annotation.Resource(lookup = "jdbc/ent")
    DataSource dataSource;

    @Inject
    AdminCaller caller;

    @GET
    @Operation(summary = "Les serveurs Keycloak (shards) : capacité, ouverture, royaumes placés, remplissage")
    public List<KeycloakShardView> list() {
        return registry().list().stream().map(KeycloakShardResource::view).toList();
    }

    @GET
    @Path("{name}")
    @Operation(summary = "Un shard Keycloak")
    public KeycloakShardView one(@PathParam("name") String name) {
        return registry().list().stream().filter(s -> s.name().equals(name)).findFirst()
                .map(KeycloakShardResource::view).orElseThrow(() -> new NotFound("keycloak-shard-not-found", name));
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enregistrer un shard Keycloak ou remplacer ses adresses, sa capacité et son ouverture"
            + " (le shard « default » : capacité et ouverture seulement)")
    @APIResponse(responseCode = "201", description = "Enregistré")
    @APIResponse(responseCode = "200", description = "Remplacé")
    @APIResponse(responseCode = "400", description = "Nom, adresse ou capacité hors de ses règles, capacité sous le"
            + " nombre de royaumes, ou fermeture du dernier shard ouvert", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response register(@PathParam("name") String name, KeycloakShardRequest body) {
        Registration r = registration(name, body);
        return (r.created() ? Response.status(201) : Response.ok()).entity(r.view()).build();
    }

    /** What a PUT did: whether the shard is new, and how it stands now. */
    record Registration(boolean created, KeycloakShardView view) {
    }

    Registration registration(String name, KeycloakShardRequest body) {
        if (body == null) {
            throw new InvalidInput("malformed-request");
        }
        ShardInput shard = ShardInput.of(name, body.internalUrl(), body.publicUrl(), body.capacity(), body.open());
        boolean created = registry().register(shard);
        // the platform's own trail: a shard is no collectivity's, so it has no console_audit of its own
        LOG.info(() -> "Keycloak shard " + name + (created ? " registered" : " changed") + " by operator:"
                + caller.username() + ": capacity " + shard.capacity() + ", " + (shard.open() ? "open" : "closed")
                + shard.internalUrl().map(u -> ", internal " + u).orElse("")
                + shard.publicUrl().map(u -> ", public " + u).orElse(""));
        return new Registration(created, one(name));
    }

    @DELETE
    @Path("{name}")
    @Operation(summary = "Retirer un shard sur lequel aucune collectivité n'a jamais été placée")
    @APIResponse(responseCode = "204", description = "Retiré")
    @APIResponse(responseCode = "409", description = "Le shard « default », ou un shard qui porte des royaumes",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response remove(@PathParam("name") String name) {
        removal(name);
        return Response.noContent().build();
    }

    void removal(String name) {
        registry().remove(name);
        LOG.info(() -> "Keycloak shard " + name + " removed by operator:" + caller.username());
    }

    static KeycloakShardView view(KeycloakShard s) {
        double fill = s.capacity() == 0 ? 1.0 : (double) s.realms() / s.capacity();
        return new KeycloakShardView(s.name(), s.isDefault(), s.internalUrl().orElse(null),
                s.publicUrl().orElse(null), s.capacity(), s.open(), s.realms(), fill);
    }

    private ShardRegistry registry() {
        return new ShardRegistry(dataSource);
    }
}
