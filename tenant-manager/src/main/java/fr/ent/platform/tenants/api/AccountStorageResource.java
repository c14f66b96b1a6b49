package fr.ent.platform.tenants.api;

import static fr.ent.platform.tenants.api.IdentityWork.identity;

import fr.ent.platform.adminapi.AccountStorageRequest;
import fr.ent.platform.adminapi.AccountStorageView;
import fr.ent.platform.problem.Conflict;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.Problem;
import fr.ent.platform.tenancy.TenantState;
import fr.ent.platform.tenants.identity.AccountStorage;
import fr.ent.platform.tenants.lifecycle.CollectivityService;
import fr.ent.platform.tenants.registry.Collectivity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Where a collectivity makes its new accounts (ADR 0043): the hosting operators switch a collectivity made before
 * the platform had the directory provider. A collectivity's administrators may read it (everything under their
 * collectivity), not change it (AdminAccessFilter).
 */
@Path("/collectivities/{slug}/account-storage")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AccountStorageResource {

    @Inject
    CollectivityService collectivities;

    @Inject
    AccountStorage storage;

    @GET
    @Operation(summary = "Où la collectivité fait ses nouveaux comptes : keycloak (copiés) ou directory (son annuaire)")
    @APIResponse(responseCode = "404", description = "Collectivité inconnue", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public AccountStorageView get(@PathParam("slug") String slug) {
        Collectivity c = collectivities.get(slug);
        return identity(slug, () -> storage.of(c));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Faire les nouveaux comptes de la collectivité dans son annuaire (directory)",
            description = "Donne au realm le fournisseur d'annuaire et à la collectivité son rôle de lecture, puis "
                    + "le réglage. Les comptes que le realm a déjà restent dans Keycloak. Sans retour : keycloak est "
                    + "refusé une fois la collectivité passée à son annuaire.")
    @APIResponse(responseCode = "200", description = "Le lieu des comptes après le changement")
    @APIResponse(responseCode = "400", description = "Lieu inconnu", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Collectivité inconnue", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Plateforme sans fournisseur d'annuaire, collectivité non active, "
            + "ou retour vers keycloak", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "502", description = "Keycloak a échoué", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public AccountStorageView set(@PathParam("slug") String slug, AccountStorageRequest body) {
        if (body == null) {
            throw new InvalidInput("malformed-request");
        }
        String wanted = body.storage();
        if (!AccountStorageView.DIRECTORY.equals(wanted) && !AccountStorageView.KEYCLOAK.equals(wanted)) {
            throw InvalidInput.field("storage", "account-storage.value", String.valueOf(wanted));
        }
        Collectivity c = collectivities.get(slug);
        if (!EnumSet.of(TenantState.ACTIVE, TenantState.SUSPENDED).contains(c.state())) {
            throw new Conflict("accounts-unavailable", slug, c.state());
        }
        return identity(slug, () -> AccountStorageView.DIRECTORY.equals(wanted) ? storage.toDirectory(c)
                : storage.toKeycloak(c));
    }

}
