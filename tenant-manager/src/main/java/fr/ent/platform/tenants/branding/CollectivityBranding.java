package fr.ent.platform.tenants.branding;

import fr.ent.platform.branding.BrandColour;
import fr.ent.platform.problem.DependencyFailed;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.tenants.identity.IdentityRealms;
import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.registry.CollectivityRepository;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Changes a collectivity's branding: checks the input, records it in the registry (the runtime's cache follows
 * within a second), then writes it into the collectivity's realm for the login theme.
 */
public class CollectivityBranding {

    private static final Logger LOG = Logger.getLogger(CollectivityBranding.class.getName());

    private final BrandingStore store;
    private final IdentityRealms realms;
    private final CollectivityRepository registry;

    public CollectivityBranding(BrandingStore store, IdentityRealms realms, CollectivityRepository registry) {
        this.store = store;
        this.realms = realms;
        this.registry = registry;
    }

    public Branding of(Collectivity c) {
        return store.of(c);
    }

    public Optional<LogoImage> logo(Collectivity c) {
        return store.logo(c);
    }

    /** Both colours at once; null leaves the platform's default. 400 on a malformed or unreadable colour. */
    public Branding setColours(Collectivity c, String primary, String accent) {
        store.setColours(c, colour("primaryColor", primary), colour("accentColor", accent));
        return followedByRealm(c);
    }

    /** Sets the logo: an image the resource has checked (size, and declared type equal to the real one). */
    public Branding setLogo(Collectivity c, LogoImage logo) {
        store.setLogo(c, Optional.of(logo));
        return followedByRealm(c);
    }

    public Branding removeLogo(Collectivity c) {
        store.setLogo(c, Optional.empty());
        return followedByRealm(c);
    }

    private static Optional<BrandColour> colour(String field, String text) {
        if (text == null) {
            return Optional.empty();
        }
        BrandColour colour = BrandColour.parse(text)
                .orElseThrow(() -> new InvalidInput("branding-colour-invalid", field, text));
        if (!colour.readableOnWhite()) {
            throw new InvalidInput("branding-colour-contrast", field, colour.hex(),
                    String.format(Locale.ROOT, "%.2f", colour.contrastWithWhite()));
        }
        return Optional.of(colour);
    }

    /** The registry has changed; the realm follows, or is marked for the next start-up reconciliation. */
    private Branding followedByRealm(Collectivity c) {
        try {
            realms.updateBranding(c);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "tenant=" + c.slug() + " branding not written into the realm", e);
            registry.markRealmOutOfDate(c.id());
            throw new DependencyFailed("identity-out-of-date", c.slug(), e.getMessage());
        }
        return store.of(c);
    }
}
