package fr.ent.platform.apps.console.identity;

import fr.ent.platform.adminapi.AdministratorView;
import fr.ent.platform.adminapi.IdentityLinkView;
import fr.ent.platform.adminapi.IdentityProviderRequest;
import fr.ent.platform.adminapi.IdentityProviderView;
import fr.ent.platform.apps.console.scope.ConsoleScope;
import fr.ent.platform.apps.console.tenantmanager.ConsoleProblems;
import fr.ent.platform.apps.console.tenantmanager.TenantManagerChannel;
import fr.ent.platform.apps.directory.service.UserService;
import fr.ent.platform.apps.directory.view.UserDetail;
import fr.ent.platform.problem.DependencyFailed;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.security.login.PortalSession;
import fr.ent.platform.runtime.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The collectivity's identity providers and administrators, for its SUPER_ADMIN only (ADR 0025), all through
 * tenant-manager with the administrator's own token (ADR 0021): tenant-manager keeps providers in its registry and
 * applies them to the realm (ADR 0011). Two providers are offered: EduConnect (alias {@code educonnect}, SAML or
 * OIDC) and the academy's SAML provider ({@code academie}); others configured by the hosting operator are shown too.
 *
 * <p>Metadata come two ways. An uploaded file is read here ({@link SamlMetadata}, strict, nothing sent if it is
 * refused) and sent as its three values. An address is sent as it is: tenant-manager checks its shape (https) and
 * Keycloak fetches it, from the identity tier under the hosting's egress rules; the runtime fetches nothing (its
 * egress door only knows the platform's declared endpoints, and an administrator's address is not one).
 */
@ApplicationScoped
public class ConsoleIdentity {

    /** The providers the console offers to configure. */
    public static final List<String> OFFERED = List.of("educonnect", "academie");
    private static final int SHOWN_LINKS = 200;

    @Inject
    TenantManagerChannel tenantManager;

    @Inject
    UserService users;

    /** What the console knows of a provider alias: its configuration, if there is one. */
    public record Slot(String alias, IdentityProviderView provider) {
    }

    /** A linked person: their directory card (null when no longer in the directory) and subject. */
    public record Link(String entUserId, String name, String subject) {
    }

    /** The form of a provider: SAML by file or address, or OIDC. */
    public record Form(String kind, String displayName, byte[] metadataFile, String metadataUrl,
            String subjectAttribute, String discoveryUrl, String clientId, String clientSecret) {
    }

    public List<Slot> slots(ConsoleScope scope, Tenant tenant, PortalSession session, Locale language) {
        require(scope);
        TenantManagerChannel.Answer answer = tenantManager.get(tenant, session, "identity-providers",
                "application/json", language);
        ok(answer);
        List<IdentityProviderView> configured = Arrays.asList(
                TenantManagerChannel.read(answer, IdentityProviderView[].class));
        List<Slot> slots = new ArrayList<>();
        for (String alias : OFFERED) {
            slots.add(new Slot(alias, configured.stream().filter(p -> p.alias().equals(alias)).findFirst()
                    .orElse(null)));
        }
        configured.stream().filter(p -> !OFFERED.contains(p.alias())).forEach(p -> slots.add(new Slot(p.alias(), p)));
        return slots;
    }

    /** One provider's configuration (null if not configured yet; an alias not offered nor configured: 404). */
    public Slot slot(ConsoleScope scope, Tenant tenant, PortalSession session, String alias, Locale language) {
        require(scope);
        TenantManagerChannel.Answer answer = tenantManager.get(tenant, session, "identity-providers/"
                + encode(alias), "application/json", language);
        if (answer.status() == 404) {
            if (!OFFERED.contains(alias)) {
                throw new NotFound("identity-provider-not-found", alias, tenant.slug());
            }
            return new Slot(alias, null);
        }
        ok(answer);
        return new Slot(alias, TenantManagerChannel.read(answer, IdentityProviderView.class));
    }

    /** The people linked to a configured provider (the first {@value #SHOWN_LINKS}), with their names. */
    public List<Link> links(ConsoleScope scope, Tenant tenant, PortalSession session, String alias,
            Locale language) {
        require(scope);
        TenantManagerChannel.Answer answer = tenantManager.get(tenant, session, "identity-providers/"
                + encode(alias) + "/links", "application/json", language);
        if (answer.status() == 404) {
            return List.of();
        }
        ok(answer);
        List<Link> links = new ArrayList<>();
        for (IdentityLinkView l : Arrays.asList(TenantManagerChannel.read(answer, IdentityLinkView[].class))) {
            if (links.size() == SHOWN_LINKS) {
                break;
            }
            links.add(new Link(l.entUserId(), name(l.entUserId()), l.subject()));
        }
        return links;
    }

    /**
     * Configures a provider: a SAML metadata file is read first and refused with its reason (nothing sent); then
     * tenant-manager checks the rest and answers with its reason, shown as it is, or the saved configuration.
     */
    public IdentityProviderView configure(ConsoleScope scope, Tenant tenant, PortalSession session, String alias,
            Form form, Locale language) throws SamlMetadata.Unreadable {
        require(scope);
        if (!OFFERED.contains(alias)) {
            throw new NotFound("identity-provider-not-found", alias, tenant.slug());
        }
        String kind = "OIDC".equals(form.kind()) ? "OIDC" : "SAML";
        IdentityProviderRequest request;
        if (kind.equals("OIDC")) {
            request = new IdentityProviderRequest(kind, form.displayName(), blankToNull(form.discoveryUrl()),
                    blankToNull(form.clientId()), blankToNull(form.clientSecret()), null, null, null, null, null,
                    null);
        } else if (form.metadataFile() != null && form.metadataFile().length > 0) {
            SamlMetadata metadata = SamlMetadata.parse(form.metadataFile());
            request = new IdentityProviderRequest(kind, form.displayName(), null, null, null, null, null,
                    metadata.entityId(), metadata.ssoUrl(), metadata.signingCertificate(),
                    blankToNull(form.subjectAttribute()));
        } else {
            String url = blankToNull(form.metadataUrl());
            if (url == null || !url.startsWith("https://")) {
                throw InvalidInput.field("metadataUrl", "console.metadata-url");
            }
            request = new IdentityProviderRequest(kind, form.displayName(), null, null, null, null, url, null, null,
                    null, blankToNull(form.subjectAttribute()));
        }
        TenantManagerChannel.Answer answer = tenantManager.put(tenant, session, "identity-providers/"
                + encode(alias), request, language);
        if (answer.status() == 400 || answer.status() == 409) {
            throw ConsoleProblems.refusal(answer);
        }
        ok(answer);
        return TenantManagerChannel.read(answer, IdentityProviderView.class);
    }

    /** The collectivity's administrators and their second factor. */
    public List<AdministratorView> administrators(ConsoleScope scope, Tenant tenant, PortalSession session,
            Locale language) {
        require(scope);
        TenantManagerChannel.Answer answer = tenantManager.get(tenant, session, "administrators",
                "application/json", language);
        ok(answer);
        return Arrays.asList(TenantManagerChannel.read(answer, AdministratorView[].class));
    }

    /** The portal's sign-in straight to this provider: to try it, in a private window (LoginServlet, {@code idp}). */
    public static String testLogin(String alias) {
        return "/auth/login?idp=" + encode(alias) + "&return=/console/identity";
    }

    private String name(String entUserId) {
        try {
            UserDetail d = users.get(UUID.fromString(entUserId).toString());
            return d.firstName() + " " + d.lastName();
        } catch (RuntimeException e) {
            return null; // no longer in the directory
        }
    }

    private static void require(ConsoleScope scope) {
        if (!scope.configuresIdentity()) {
            throw new NotAllowed("forbidden");
        }
    }

    private static void ok(TenantManagerChannel.Answer answer) {
        if (answer.status() != 200 && answer.status() != 201) {
            throw new DependencyFailed("tenant-manager-failed");
        }
    }

    private static String encode(String alias) {
        return URLEncoder.encode(alias, StandardCharsets.UTF_8);
    }

    private static String blankToNull(String text) {
        return Optional.ofNullable(text).map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
    }
}
