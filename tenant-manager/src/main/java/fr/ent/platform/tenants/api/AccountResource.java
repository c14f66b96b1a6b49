package fr.ent.platform.tenants.api;

import static fr.ent.platform.tenants.api.IdentityWork.identity;

import fr.ent.platform.adminapi.AccountEnabledRequest;
import fr.ent.platform.adminapi.AccountFunctionsRequest;
import fr.ent.platform.adminapi.AccountResetRequest;
import fr.ent.platform.adminapi.AccountResetView;
import fr.ent.platform.adminapi.AccountView;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.tenants.access.LocalAdministration;
import fr.ent.platform.problem.Conflict;
import fr.ent.platform.problem.Problem;
import fr.ent.platform.tenancy.TenantState;
import fr.ent.platform.tenants.identity.AccountFunctions;
import fr.ent.platform.tenants.identity.AccountSync;
import fr.ent.platform.tenants.lifecycle.CollectivityService;
import fr.ent.platform.tenants.registry.Collectivity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.EnumSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Keycloak accounts of a collectivity's directory users. */
@Path("/collectivities/{slug}/accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Inject
    CollectivityService collectivities;

    @Inject
    AccountSync accounts;

    @Inject
    fr.ent.platform.tenants.brokering.Brokering brokering;

    @Inject
    AccountFunctions functions;

    @Inject
    fr.ent.platform.tenants.identity.AccountReset reset;

    @Inject
    fr.ent.platform.tenants.identity.PersonSchools personSchools;

    @Inject
    fr.ent.platform.tenants.access.AdminCaller caller;

    @POST
    @Path("sync")
    @Operation(summary = "Créer les comptes manquants des utilisateurs de l'annuaire, avec leur code d'activation",
            description = "Les codes d'activation (mot de passe à usage unique, à changer à la première connexion) ne"
                    + " sont renvoyés qu'une fois et ne sont pas conservés. Les comptes existants ne changent pas.")
    @APIResponse(responseCode = "200", description = "Comptes créés (login → code d'activation)")
    @APIResponse(responseCode = "404", description = "Collectivité inconnue", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Collectivité non active ou sans realm", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "502", description = "Keycloak a échoué", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response sync(@PathParam("slug") String slug) {
        Collectivity c = collectivities.get(slug);
        if (!EnumSet.of(TenantState.ACTIVE, TenantState.SUSPENDED).contains(c.state())) {
            throw new Conflict("accounts-unavailable", slug, c.state());
        }
        AccountSync.Result result = identity(slug, () -> withoutWithdrawnCodes(accounts.sync(c), linkNewAccounts(c)));
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true); // activation codes: no cache, no proxy may keep them
        return Response.ok(Views.of(result)).cacheControl(noStore).build();
    }

    @GET
    @Path("{entUserId}")
    @Operation(summary = "Le compte d'une personne de l'annuaire : identifiant, bloqué ou non, fonctions",
            description = "Les fonctions (ADMIN_LOCAL et ses établissements, CLASS_ADMIN) sont celles de Keycloak, "
                    + "portées par les jetons. Pour la console d'administration de la collectivité (ADR 0021).")
    @APIResponse(responseCode = "200", description = "Le compte")
    @APIResponse(responseCode = "404", description = "Collectivité ou compte inconnu", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public AccountView account(@PathParam("slug") String slug, @PathParam("entUserId") String entUserId) {
        Collectivity c = collectivities.get(slug);
        return identity(slug, () -> reachedOrDirectoryOnly(c, entUserId));
    }

    @PUT
    @Path("{entUserId}/functions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Donner ou retirer les fonctions ADMIN_LOCAL (pour des établissements) et CLASS_ADMIN")
    @APIResponse(responseCode = "200", description = "Le compte après le changement")
    @APIResponse(responseCode = "400", description = "Code UAI invalide", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Collectivité ou compte inconnu", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public AccountView setFunctions(@PathParam("slug") String slug, @PathParam("entUserId") String entUserId,
            AccountFunctionsRequest body) {
        Collectivity c = collectivities.get(slug);
        if (body == null) {
            throw new fr.ent.platform.problem.InvalidInput("malformed-request");
        }
        return identity(slug, () -> {
            AccountView current = reached(c, entUserId);
            if (caller.localSchools().isPresent()
                    && !LocalAdministration.keepsAdminSchools(current.adminStructures(), body.adminStructures())) {
                throw new NotAllowed("forbidden"); // ADMIN_LOCAL is the SUPER_ADMIN's to give
            }
            return functions.setFunctions(c, entUserId, body.adminStructures(), body.classAdmin());
        });
    }

    @PUT
    @Path("{entUserId}/enabled")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Bloquer (false) ou débloquer (true) un compte ; bloquer met fin à ses sessions")
    @APIResponse(responseCode = "200", description = "Le compte après le changement")
    @APIResponse(responseCode = "404", description = "Collectivité ou compte inconnu", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public AccountView setEnabled(@PathParam("slug") String slug, @PathParam("entUserId") String entUserId,
            AccountEnabledRequest body) {
        Collectivity c = collectivities.get(slug);
        if (body == null) {
            throw new fr.ent.platform.problem.InvalidInput("malformed-request");
        }
        return identity(slug, () -> {
            reached(c, entUserId);
            return functions.setEnabled(c, entUserId, body.enabled());
        });
    }

    @POST
    @Path("{entUserId}/reset")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Réinitialiser un compte : nouveau code d'activation (mode code) ou courriel de Keycloak (mode email)",
            description = "Le code n'est renvoyé qu'une fois et n'est pas conservé ; l'ancien mot de passe et les "
                    + "sessions du compte prennent fin. Pour la console d'administration (ADR 0025).")
    @APIResponse(responseCode = "200", description = "Compte réinitialisé")
    @APIResponse(responseCode = "400", description = "Mode inconnu", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Collectivité ou compte inconnu", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Pas d'adresse, ou le realm n'envoie pas de courriel", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response reset(@PathParam("slug") String slug, @PathParam("entUserId") String entUserId,
            AccountResetRequest body) {
        Collectivity c = collectivities.get(slug);
        if (body == null) {
            throw new fr.ent.platform.problem.InvalidInput("malformed-request");
        }
        AccountResetView done = identity(slug, () -> {
            reachedOrDirectoryOnly(c, entUserId);
            return reset.reset(c, entUserId, body.mode());
        });
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true); // an activation code: no cache, no proxy may keep it
        return Response.ok(done).cacheControl(noStore).build();
    }

    @DELETE
    @Path("{entUserId}")
    @Operation(summary = "Supprimer le compte d'une personne (effacement, droit à l'effacement ou fin de droits)",
            description = "Le compte et ses sessions disparaissent du realm ; la réponse dit qui il était (login, "
                    + "sujet) pour que le runtime efface ce que ses applications gardent. Pour la console (ADR 0032).")
    @APIResponse(responseCode = "200", description = "Le compte supprimé")
    @APIResponse(responseCode = "404", description = "Collectivité ou compte inconnu", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public fr.ent.platform.adminapi.AccountErasedView delete(@PathParam("slug") String slug,
            @PathParam("entUserId") String entUserId) {
        Collectivity c = collectivities.get(slug);
        return identity(slug, () -> {
            reached(c, entUserId);
            return functions.delete(c, entUserId);
        });
    }

    /**
     * The account, if the caller reaches it: anyone the admin filter let through, except that a local
     * administrator reaches only non-administrators attached to its schools (LocalAdministration); anyone else is
     * account-not-found, as a guessed id is (it does not learn who has an account elsewhere).
     */
    private AccountView reached(Collectivity c, String entUserId) {
        AccountView account = functions.get(c, entUserId);
        if (!locallyReached(c, entUserId, account.functions())) {
            throw new fr.ent.platform.problem.NotFound("account-not-found", entUserId);
        }
        return account;
    }

    /** True unless the caller is a local administrator whose schools do not reach this person (LocalAdministration). */
    private boolean locallyReached(Collectivity c, String entUserId, java.util.List<String> accountFunctions) {
        java.util.Optional<java.util.Set<String>> local = caller.localSchools();
        if (local.isEmpty()) {
            return true;
        }
        try {
            return LocalAdministration.reaches(local.get(), personSchools.of(c.names(), entUserId), accountFunctions);
        } catch (SQLException e) {
            throw new IllegalStateException("tenant=" + c.slug() + " directory not readable: " + e.getMessage(), e);
        }
    }

    /**
     * {@link #reached}, or for a person whose account was made in the directory and never used (ADR 0043: not in
     * Keycloak yet, so without functions, second factor or blocked state): their login, after the same school check
     * for a local administrator. The console thus shows the account and can give it a new code.
     */
    private AccountView reachedOrDirectoryOnly(Collectivity c, String entUserId) {
        try {
            return reached(c, entUserId);
        } catch (fr.ent.platform.problem.NotFound notInKeycloak) {
            java.util.Optional<String> login = reset.directoryOnly(c, entUserId);
            if (login.isEmpty()) {
                throw notInKeycloak;
            }
            if (!locallyReached(c, entUserId, java.util.List.of())) {
                throw notInKeycloak;
            }
            return new AccountView(entUserId, login.get(), true, java.util.List.of(), java.util.List.of(), false);
        }
    }

    /** Keycloak's failures in the domain's words: no realm is a conflict, anything else a failed dependency. */

    /**
     * New accounts of people the directory knows at an upstream provider (EduConnect...) get their links. A failure
     * here must not lose the answer: the activation codes just created are shown only in it. The links are made
     * again by the next sync, the next links post or the next start.
     */
    private java.util.Set<java.util.UUID> linkNewAccounts(Collectivity c) {
        try {
            return brokering.linkAll(c);
        } catch (RuntimeException | SQLException e) {
            java.util.logging.Logger.getLogger(AccountResource.class.getName()).log(java.util.logging.Level.WARNING,
                    "tenant=" + c.slug() + " accounts created but not linked to their identity providers", e);
            return java.util.Set.of();
        }
    }

    /** People linked to a provider sign in through it: the code they were given is withdrawn, so it is not shown. */
    private static AccountSync.Result withoutWithdrawnCodes(AccountSync.Result r, java.util.Set<java.util.UUID> linked) {
        if (linked.isEmpty()) {
            return r;
        }
        return new AccountSync.Result(r.realm(), r.directoryUsers(), r.alreadyThere(), r.created().stream()
                .map(a -> linked.contains(a.userId())
                        ? new AccountSync.NewAccount(a.login(), null, a.userId(), a.profile(), null) : a)
                .toList(), r.notCreated());
    }
}
