package fr.ent.platform.apps.console.look;

import fr.ent.platform.adminapi.BrandingRequest;
import fr.ent.platform.adminapi.BrandingView;
import fr.ent.platform.adminapi.CollectivityRequest;
import fr.ent.platform.apps.console.scope.ConsoleScope;
import fr.ent.platform.apps.console.tenantmanager.RemoteProblem;
import fr.ent.platform.apps.console.tenantmanager.TenantManagerChannel;
import fr.ent.platform.branding.BrandColour;
import fr.ent.platform.problem.DependencyFailed;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.runtime.security.login.PortalSession;
import fr.ent.platform.runtime.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;

/**
 * The portal's look as the collectivity's SUPER_ADMIN sets it in the console: its name (the collectivity's display
 * name), its colours and its logo. tenant-manager keeps them (the registry, which the runtime's portal reads within
 * a second, and the realm's attributes, which the login theme reads: the sign-in page follows), reached through the
 * channel with the administrator's own token (ADR 0021). The console checks the input first ({@link ColourCheck},
 * {@link LogoCheck}) so that a refusal says why in the administrator's words; tenant-manager checks again.
 * A local administrator gets 403: the look is the collectivity's.
 */
@ApplicationScoped
public class ConsoleLook {

    @Inject
    TenantManagerChannel tenantManager;

    /** The look as it is: name, colours ({@code #rrggbb} or null for the default), whether there is a logo. */
    public record Look(String name, String primary, String accent, boolean logo) {
    }

    public Look get(ConsoleScope scope, Tenant tenant, PortalSession session, Locale locale) {
        require(scope);
        return look(tenantManager.exchange(tenant, session, "GET", "branding", "application/json", locale, null,
                null));
    }

    /** Renames the portal (the collectivity's display name, shown in the header and on the sign-in page). */
    public void rename(ConsoleScope scope, Tenant tenant, PortalSession session, String name, Locale locale) {
        require(scope);
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw LookRefused.because(400, "look.name.empty");
        }
        TenantManagerChannel.Raw answer = tenantManager.exchange(tenant, session, "PATCH", "", "application/json",
                locale, "application/json", TenantManagerChannel.json(new CollectivityRequest(null, null, trimmed,
                        null, null)));
        refusedOrFailed(answer);
    }

    /** Both colours at once (empty: the platform's default), checked for contrast before anything is saved. */
    public Look colours(ConsoleScope scope, Tenant tenant, PortalSession session, String primaryLabel,
            String primary, String accentLabel, String accent, Locale locale) {
        require(scope);
        Optional<BrandColour> p = ColourCheck.colour(primaryLabel, primary, locale);
        Optional<BrandColour> a = ColourCheck.colour(accentLabel, accent, locale);
        TenantManagerChannel.Raw answer = tenantManager.exchange(tenant, session, "PUT", "branding",
                "application/json", locale, "application/json", TenantManagerChannel.json(new BrandingRequest(
                        p.map(BrandColour::hex).orElse(null), a.map(BrandColour::hex).orElse(null))));
        refusedOrFailed(answer);
        return look(answer);
    }

    /** Replaces the logo with an image {@link LogoCheck} accepts. */
    public void logo(ConsoleScope scope, Tenant tenant, PortalSession session, byte[] image, String fileName,
            Locale locale) {
        require(scope);
        String type = LogoCheck.mediaType(image, fileName);
        refusedOrFailed(tenantManager.exchange(tenant, session, "PUT", "branding/logo", "application/json", locale,
                type, image));
    }

    public void removeLogo(ConsoleScope scope, Tenant tenant, PortalSession session, Locale locale) {
        require(scope);
        refusedOrFailed(tenantManager.exchange(tenant, session, "DELETE", "branding/logo", "application/json",
                locale, null, null));
    }

    private static void require(ConsoleScope scope) {
        if (!scope.whole()) {
            throw new NotAllowed("forbidden");
        }
    }

    /** tenant-manager's refusal (4xx) with its reason; anything else but a success is its failure. */
    private static void refusedOrFailed(TenantManagerChannel.Raw answer) {
        if (answer.status() >= 400 && answer.status() < 500) {
            throw LookRefused.byTenantManager(answer.status(), RemoteProblem.of(answer).map(RemoteProblem::detail)
                    .orElse("HTTP " + answer.status()));
        }
        if (answer.status() >= 300) {
            throw new DependencyFailed("tenant-manager-failed");
        }
    }

    private static Look look(TenantManagerChannel.Raw answer) {
        if (answer.status() != 200) {
            throw new DependencyFailed("tenant-manager-failed");
        }
        BrandingView view = TenantManagerChannel.read(new TenantManagerChannel.Answer(200, answer.contentType(),
                answer.text()), BrandingView.class);
        return new Look(view.displayName(), view.primaryColor(), view.accentColor(), view.logoSha256() != null);
    }
}
