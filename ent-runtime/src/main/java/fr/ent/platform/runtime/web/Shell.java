package fr.ent.platform.runtime.web;

import fr.ent.platform.branding.BrandColour;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the one layout of the portal shows around a page: the collectivity, the reader's language, the signed-in
 * user (with the anti-forgery token of the sign-out form) and the apps of the launcher.
 */
public record Shell(Locale locale, String title, String collectivity, Optional<SignedIn> user,
        List<LauncherEntry> launcher, Branding branding) {

    public Shell(Locale locale, String title, String collectivity, Optional<SignedIn> user,
            List<LauncherEntry> launcher) {
        this(locale, title, collectivity, user, launcher, Branding.DEFAULT);
    }

    /**
     * The collectivity's colours (CSS custom properties {@code --brand} and {@code --accent}, from a stylesheet of the
     * collectivity's own domain: the pages' Content-Security-Policy allows no inline style) and logo path, if any.
     */
    public record Branding(String primary, String accent, Optional<String> logo) {

        /** The platform's blue on white, no logo: status pages and collectivities without branding. */
        public static final Branding DEFAULT = new Branding("#000091", "#000091", Optional.empty());

        public static Branding of(fr.ent.platform.branding.Branding b) {
            return new Branding(b.primary().map(BrandColour::hex).orElse(DEFAULT.primary()),
                    b.accent().map(BrandColour::hex).orElse(DEFAULT.accent()), b.logoPath());
        }

        /** The colours' stylesheet, versioned by the colours themselves so that browsers may keep it. */
        public String stylesheet() {
            return fr.ent.platform.branding.Branding.STYLESHEET_PATH + "?v=" + primary.substring(1) + accent.substring(1);
        }
    }

    /**
     * The signed-in user as the header shows them.
     *
     * @param profileKey the text key of their profile ({@code profile.Student}...), if they have one
     * @param schools    the names of their schools
     * @param unread     their unread notifications, when the timeline is enabled
     * @param unreadMessages their unread messages, when the messagerie is enabled
     */
    public record SignedIn(String displayName, String csrfToken, Optional<String> profileKey, List<String> schools,
            java.util.OptionalLong unread, java.util.OptionalLong unreadMessages) {

        public SignedIn(String displayName, String csrfToken) {
            this(displayName, csrfToken, Optional.empty(), List.of(), java.util.OptionalLong.empty(),
                    java.util.OptionalLong.empty());
        }
    }

    /** The languages of the switch, each named in itself. */
    public List<Locale> languages() {
        return Pages.LANGUAGES;
    }

    /** An app in the launcher, its name already in the reader's language. */
    public record LauncherEntry(String id, String name, String icon, String path) {
    }

    public String lang() {
        return locale.getLanguage();
    }

    /** A text of the platform's pages in the reader's language ({@code fr/ent/platform/runtime/web/messages}). */
    public String text(String key) {
        return Pages.text(key, locale);
    }

    /** A status page (no collectivity context to show, no user, no launcher). */
    public static Shell bare(Locale locale, String title) {
        return new Shell(locale, title, null, Optional.empty(), List.of());
    }
}
