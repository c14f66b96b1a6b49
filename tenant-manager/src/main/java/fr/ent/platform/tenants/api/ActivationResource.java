package fr.ent.platform.tenants.api;

import static fr.ent.platform.tenants.api.IdentityWork.identity;

import fr.ent.platform.adminapi.ActivationRequest;
import fr.ent.platform.adminapi.ActivationStatusView;
import fr.ent.platform.problem.Conflict;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.Problem;
import fr.ent.platform.settings.PortalSettings;
import fr.ent.platform.tenancy.TenantState;
import fr.ent.platform.tenants.identity.AccountActivation;
import fr.ent.platform.tenants.identity.PortalUrls;
import fr.ent.platform.tenants.letters.ActivationLetterPdf;
import fr.ent.platform.tenants.lifecycle.CollectivityService;
import fr.ent.platform.tenants.registry.Collectivity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Account activation for the tenant console (ADR 0023): where a group of people's accounts stand, and their
 * activation letters (PDF, one page per person, fresh one-time codes). Open to the collectivity's SUPER_ADMIN on its
 * own collectivity ({@code AdminAccessFilter}) and to the platform operators; and to a school's local administrator
 * (ADR 0029) for people who are all attached to its schools (else 403, whoever the others are), whose letters
 * then give no new code to an administrator's account (a local administrator cannot sign in as one).
 */
@Path("/collectivities/{slug}/accounts/activation")
@RequestScoped
public class ActivationResource {

    /** A class, or its parents, or a school's people: far below this. */
    static final int MAX_PEOPLE = 2000;

    @Inject
    CollectivityService collectivities;

    @Inject
    AccountActivation activation;

    @Inject
    PortalSettings portal;

    @Context
    HttpHeaders headers;

    @Inject
    fr.ent.platform.tenants.access.AdminCaller caller;

    @Inject
    fr.ent.platform.tenants.identity.PersonSchools personSchools;

    @POST
    @Path("status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Où en sont les comptes de ces personnes de l'annuaire : aucun, en attente, expiré, activé")
    @APIResponse(responseCode = "200", description = "Un état par personne de l'annuaire demandée (les autres ids sont ignorés)")
    @APIResponse(responseCode = "404", description = "Collectivité inconnue", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ActivationStatusView status(@PathParam("slug") String slug, ActivationRequest body) {
        Collectivity c = active(slug);
        List<UUID> ids = ids(body);
        withinLocalSchools(c, ids);
        return identity(slug, () -> new ActivationStatusView(activation.status(c, ids).stream()
                .map(s -> new ActivationStatusView.Account(s.entUserId().toString(), s.login(), s.state().name()))
                .toList()));
    }

    @POST
    @Path("letters")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces("application/pdf")
    @Operation(summary = "Lettres d'activation (PDF, une page par personne) : comptes créés au besoin, nouveau code "
            + "pour ceux qui n'ont pas encore activé",
            description = "Les codes ne sont pas conservés : une nouvelle lettre remplace la précédente. Les comptes "
                    + "déjà activés n'ont pas de lettre.")
    @APIResponse(responseCode = "200", description = "Le PDF")
    @APIResponse(responseCode = "409", description = "Personne n'attend de code (letters-empty)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response letters(@PathParam("slug") String slug, ActivationRequest body) {
        Collectivity c = active(slug);
        List<UUID> ids = ids(body);
        String heading = body.heading() == null || body.heading().isBlank() ? c.displayName()
                : body.heading().strip().substring(0, Math.min(body.heading().strip().length(), 200));
        withinLocalSchools(c, ids);
        java.util.function.Predicate<java.util.Set<String>> printsFor = caller.localSchools().isEmpty() ? null
                : fr.ent.platform.tenants.access.LocalAdministration::printsLetterFor;
        List<AccountActivation.Letter> letters = identity(slug, () -> activation.letters(c, ids, printsFor));
        if (letters.isEmpty()) {
            throw new Conflict("letters-empty");
        }
        byte[] pdf = ActivationLetterPdf.render(c.displayName(), heading,
                new PortalUrls(portal).of(c.domains().getFirst()), letters,
                ActivationLetterPdf.language(headers.getAcceptableLanguages()));
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true); // one-time codes: no cache, no proxy may keep them
        return Response.ok(pdf, "application/pdf").cacheControl(noStore)
                .header("Content-Disposition", "attachment; filename=\"lettres-activation.pdf\"").build();
    }

    private Collectivity active(String slug) {
        Collectivity c = collectivities.get(slug);
        if (!EnumSet.of(TenantState.ACTIVE, TenantState.SUSPENDED).contains(c.state())) {
            throw new Conflict("accounts-unavailable", slug, c.state());
        }
        return c;
    }

    /** A local administrator asks only for people attached to its schools: otherwise the whole request is refused. */
    private void withinLocalSchools(Collectivity c, List<UUID> ids) {
        java.util.Optional<java.util.Set<String>> local = caller.localSchools();
        if (local.isEmpty()) {
            return;
        }
        java.util.Map<UUID, java.util.Set<String>> schools = identity(c.slug(), () -> personSchools.of(c.names(), ids));
        if (!fr.ent.platform.tenants.access.LocalAdministration.reachesAll(local.get(), schools.values())) {
            throw new fr.ent.platform.problem.NotAllowed("forbidden");
        }
    }

    private static List<UUID> ids(ActivationRequest body) {
        if (body == null || body.entUserIds() == null) {
            throw new InvalidInput("malformed-request");
        }
        if (body.entUserIds().size() > MAX_PEOPLE) {
            throw InvalidInput.field("entUserIds", "activation.people", String.valueOf(MAX_PEOPLE));
        }
        return AccountActivation.ids(body.entUserIds());
    }

}
