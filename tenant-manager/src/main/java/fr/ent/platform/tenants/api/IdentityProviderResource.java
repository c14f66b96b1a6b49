package fr.ent.platform.tenants.api;

import fr.ent.platform.adminapi.IdentityLinksRequest;
import fr.ent.platform.adminapi.IdentityProviderRequest;
import fr.ent.platform.adminapi.IdentityProviderView;
import fr.ent.platform.problem.Conflict;
import fr.ent.platform.problem.DependencyFailed;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.problem.Problem;
import fr.ent.platform.tenancy.InvalidTenantInputException;
import fr.ent.platform.tenancy.TenantState;
import fr.ent.platform.tenants.brokering.Brokering;
import fr.ent.platform.tenants.brokering.ExternalIdentities;
import fr.ent.platform.tenants.brokering.ProviderInput;
import fr.ent.platform.tenants.brokering.UpstreamProvider;
import fr.ent.platform.tenants.identity.KeycloakException;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Upstream identity providers of a collectivity's realm (EduConnect, academic SAML IdPs) and the directory's links
 * to them. Hosting operators configure them; a collectivity's SUPER_ADMIN may read them and, from its console,
 * configure (PUT) its own, but never post links nor remove a provider (ADR 0011, ADR 0025): see docs/identity.md,
 * "Fournisseurs d'identité".
 */
@Path("/collectivities/{slug}/identity-providers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class IdentityProviderResource {

    /** Keycloak settings kept from an OIDC discovery document. */
    private static final List<String> OIDC_DISCOVERED = List.of("issuer", "authorizationUrl", "tokenUrl",
            "userInfoUrl", "jwksUrl", "logoutUrl");
    /** Keycloak settings kept from SAML metadata. */
    private static final List<String> SAML_DISCOVERED = List.of("idpEntityId", "singleSignOnServiceUrl",
            "singleLogoutServiceUrl", "signingCertificate", "nameIDPolicyFormat");

    @Inject
    CollectivityService collectivities;

    @Inject
    Brokering brokering;

    @GET
    @Operation(summary = "Lister les fournisseurs d'identité de la collectivité (sans leurs secrets)")
    public List<IdentityProviderView> list(@PathParam("slug") String slug) {
        Collectivity c = collectivities.get(slug);
        return brokering.store().list(c).stream().map(p -> Views.of(c, p)).toList();
    }

    @GET
    @Path("{alias}")
    @Operation(summary = "Lire un fournisseur d'identité (sans son secret)")
    @APIResponse(responseCode = "404", description = "Inconnu", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public IdentityProviderView get(@PathParam("slug") String slug, @PathParam("alias") String alias) {
        Collectivity c = collectivities.get(slug);
        return Views.of(c, find(c, alias));
    }

    @GET
    @Path("{alias}/links")
    @Operation(summary = "Les personnes de l'annuaire reliées à ce fournisseur, et leur identifiant chez lui")
    @APIResponse(responseCode = "404", description = "Inconnu", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public List<fr.ent.platform.adminapi.IdentityLinkView> links(@PathParam("slug") String slug,
            @PathParam("alias") String alias) {
        Collectivity c = collectivities.get(slug);
        find(c, alias);
        try {
            return brokering.identities().of(c.names(), alias).entrySet().stream()
                    .map(e -> new fr.ent.platform.adminapi.IdentityLinkView(e.getKey().toString(), e.getValue()))
                    .toList();
        } catch (SQLException e) {
            throw new IllegalStateException("tenant=" + slug + " links not readable: " + e.getMessage(), e);
        }
    }

    @PUT
    @Path("{alias}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Configurer un fournisseur d'identité (OIDC ou SAML) sur le realm de la collectivité",
            description = "Idempotent. Le secret client n'est jamais renvoyé ; absent, le secret déjà enregistré est"
                    + " gardé. Les comptes de l'annuaire qui ont un identifiant chez ce fournisseur sont reliés.")
    @APIResponse(responseCode = "200", description = "Remplacé")
    @APIResponse(responseCode = "201", description = "Créé")
    @APIResponse(responseCode = "400", description = "Configuration invalide", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Collectivité non active", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "502", description = "Keycloak a échoué (la configuration est enregistrée et sera réappliquée)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response put(@PathParam("slug") String slug, @PathParam("alias") String alias,
            IdentityProviderRequest body) {
        Collectivity c = active(slug);
        ProviderInput.alias(alias);
        if (body == null) {
            throw new InvalidTenantInputException("kind", "idp.kind.required");
        }
        UpstreamProvider.Kind kind = ProviderInput.kind(body.kind());
        String displayName = ProviderInput.displayName(body.displayName());
        Optional<UpstreamProvider> existing = brokering.store().find(c, alias);
        Map<String, String> settings = new LinkedHashMap<>();
        Optional<String> secret = Optional.empty();
        if (kind == UpstreamProvider.Kind.OIDC) {
            String discovery = ProviderInput.url("discoveryUrl", body.discoveryUrl(), kind);
            settings.put("clientId", ProviderInput.required("clientId", body.clientId(), kind));
            if (body.clientSecret() != null && !body.clientSecret().isBlank()) {
                secret = Optional.of(ProviderInput.required("clientSecret", body.clientSecret(), kind));
            } else if (existing.filter(p -> p.kind() == kind && p.clientSecret().isPresent()).isEmpty()) {
                throw new InvalidTenantInputException("clientSecret", "idp.field.required", "clientSecret", kind);
            }
            settings.put("defaultScope", ProviderInput.scopes(body.scopes()));
            settings.put("discoveryUrl", discovery);
            Map<String, String> found = discover(c, kind, "discoveryUrl", discovery);
            if (!found.containsKey("authorizationUrl") || !found.containsKey("tokenUrl")) {
                throw new InvalidTenantInputException("discoveryUrl", "idp.url.unreadable", "discoveryUrl",
                        discovery, "authorization_endpoint / token_endpoint");
            }
            OIDC_DISCOVERED.stream().filter(found::containsKey).forEach(k -> settings.put(k, found.get(k)));
        } else {
            if (body.metadataUrl() != null && !body.metadataUrl().isBlank()) {
                String metadata = ProviderInput.url("metadataUrl", body.metadataUrl(), kind);
                settings.put("metadataUrl", metadata);
                Map<String, String> found = discover(c, kind, "metadataUrl", metadata);
                if (!found.containsKey("singleSignOnServiceUrl")) {
                    throw new InvalidTenantInputException("metadataUrl", "idp.url.unreadable", "metadataUrl",
                            metadata, "SingleSignOnService");
                }
                SAML_DISCOVERED.stream().filter(found::containsKey).forEach(k -> settings.put(k, found.get(k)));
            } else {
                if (body.entityId() == null && body.ssoUrl() == null && body.signingCertificate() == null) {
                    throw new InvalidTenantInputException("metadataUrl", "idp.saml.source");
                }
                settings.put("idpEntityId", ProviderInput.required("entityId", body.entityId(), kind));
                settings.put("singleSignOnServiceUrl", ProviderInput.url("ssoUrl", body.ssoUrl(), kind));
                settings.put("signingCertificate", ProviderInput.certificate(body.signingCertificate(), kind));
            }
            settings.putIfAbsent("nameIDPolicyFormat", "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent");
            String attribute = ProviderInput.attribute(body.subjectAttribute());
            if (attribute != null) {
                settings.put("principalType", "ATTRIBUTE");
                settings.put("principalAttribute", attribute);
            } else {
                settings.put("principalType", "SUBJECT");
            }
        }
        UpstreamProvider saved = brokering.store().save(c,
                new UpstreamProvider(alias, kind, displayName, settings, secret));
        try {
            brokering.apply(c, saved);
        } catch (KeycloakException e) {
            // The registry keeps it: the next PUT or the next start applies it again.
            collectivities.realmOutOfDate(c);
            throw new DependencyFailed("identity-out-of-date", slug, e.getMessage());
        } catch (SQLException e) {
            throw new IllegalStateException("tenant=" + slug + " directory links not readable: " + e.getMessage(), e);
        }
        IdentityProviderView view = Views.of(c, saved);
        return (existing.isPresent() ? Response.ok(view) : Response.status(201).entity(view)).build();
    }

    @DELETE
    @Path("{alias}")
    @Operation(summary = "Retirer un fournisseur d'identité du realm (les identifiants de l'annuaire restent)")
    @APIResponse(responseCode = "204", description = "Retiré")
    @APIResponse(responseCode = "404", description = "Inconnu", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response delete(@PathParam("slug") String slug, @PathParam("alias") String alias) {
        Collectivity c = collectivities.get(slug);
        find(c, alias);
        try {
            brokering.remove(c, alias);
        } catch (KeycloakException e) {
            throw new DependencyFailed("identity-failed", slug, e.getMessage());
        }
        brokering.store().delete(c, alias);
        return Response.noContent().build();
    }

    @POST
    @Path("{alias}/links")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enregistrer les identifiants des personnes chez ce fournisseur et relier leurs comptes",
            description = "Chaque lien donne l'identifiant ENT (annuaire) et l'identifiant envoyé par le fournisseur"
                    + " (OIDC sub, SAML NameID ou l'attribut configuré). Un identifiant donné à une autre personne"
                    + " passe à celle-ci.")
    @APIResponse(responseCode = "200", description = "Liens enregistrés et comptes reliés")
    @APIResponse(responseCode = "400", description = "Lien invalide", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Fournisseur inconnu", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Map<String, Object> link(@PathParam("slug") String slug, @PathParam("alias") String alias,
            IdentityLinksRequest body) {
        Collectivity c = active(slug);
        find(c, alias);
        if (body == null || body.links() == null || body.links().isEmpty()) {
            throw new InvalidTenantInputException("links", "idp.links.required");
        }
        List<ExternalIdentities.Link> links = new ArrayList<>();
        for (int i = 0; i < body.links().size(); i++) {
            IdentityLinksRequest.Link l = body.links().get(i);
            String field = "links[" + i + "]";
            UUID user;
            try {
                user = UUID.fromString(l == null || l.entUserId() == null ? "" : l.entUserId());
            } catch (IllegalArgumentException e) {
                throw new InvalidTenantInputException(field + ".entUserId", "idp.link.user-id",
                        l == null ? "" : String.valueOf(l.entUserId()));
            }
            if (l.subject() == null || l.subject().isBlank() || l.subject().length() > 255) {
                throw new InvalidTenantInputException(field + ".subject", "idp.link.subject");
            }
            links.add(new ExternalIdentities.Link(user, l.subject().strip()));
        }
        try {
            ExternalIdentities.Recorded recorded = brokering.identities().record(c.names(), alias, links);
            Brokering.Links done = brokering.link(c, alias);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("recorded", recorded.recorded());
            answer.put("unknownUsers", recorded.unknownUsers().stream().map(UUID::toString).toList());
            answer.put("linked", done.linked());
            answer.put("alreadyLinked", done.alreadyLinked());
            answer.put("unlinked", done.unlinked());
            answer.put("withoutAccount", done.withoutAccount());
            return answer;
        } catch (KeycloakException e) {
            throw new DependencyFailed("identity-out-of-date", slug, e.getMessage());
        } catch (SQLException e) {
            throw new IllegalStateException("tenant=" + slug + " links not recorded: " + e.getMessage(), e);
        }
    }

    private Collectivity active(String slug) {
        Collectivity c = collectivities.get(slug);
        if (!EnumSet.of(TenantState.ACTIVE, TenantState.SUSPENDED).contains(c.state())) {
            throw new Conflict("identity-providers-unavailable", slug, c.state());
        }
        return c;
    }

    private UpstreamProvider find(Collectivity c, String alias) {
        return brokering.store().find(c, alias)
                .orElseThrow(() -> new NotFound("identity-provider-not-found", alias, c.slug()));
    }

    private Map<String, String> discover(Collectivity c, UpstreamProvider.Kind kind, String field, String url) {
        try {
            return brokering.discover(c, kind, url);
        } catch (KeycloakException e) {
            // Keycloak answers 400 or 500 ("unknown_error") when the document cannot be fetched or parsed: the
            // address is at fault. No status (unreachable) or 401/403 (our admin token): Keycloak is.
            if (e.status() >= 400 && e.status() != 401 && e.status() != 403) {
                throw new InvalidTenantInputException(field, "idp.url.unreadable", field, url,
                        "HTTP " + e.status());
            }
            throw new DependencyFailed("identity-failed", c.slug(), e.getMessage());
        }
    }
}
