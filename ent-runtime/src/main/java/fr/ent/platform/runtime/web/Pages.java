package fr.ent.platform.runtime.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateOutput;
import gg.jte.output.WriterOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * How the runtime answers with an HTML page: jte templates compiled at build time (src/main/jte, ADR 0014), the
 * reader's language, and the platform's texts. Apps render their own templates with their own engine
 * ({@link #engine(Class, String)}) and hand the result to {@link PageLayout} so that every page has one layout.
 */
public final class Pages {

    private static final String TEXTS = "fr.ent.platform.runtime.web.messages";
    private static final TemplateEngine PLATFORM = engine(Pages.class, "fr.ent.platform.runtime.web.jte");
    /** The languages pages exist in; French first. */
    public static final java.util.List<Locale> LANGUAGES = java.util.List.of(Locale.FRENCH, Locale.ENGLISH,
            Locale.forLanguageTag("es"));
    /**
     * Pages carry no external resource and no inline script or style; styles come from the platform's stylesheet.
     * Scripts are only the portal's own static files, progressive enhancements that the pages work without (the
     * upload progress, ADR 0027), and they may talk to the portal only ({@code connect-src 'self'}). Forms post
     * to the portal, which may answer with a redirect to the collectivity's Keycloak (sign-out; sign-in when a form
     * outlived its session, see portal.FormRecovery): browsers check {@code form-action} on every redirect of a
     * form's navigation, so Keycloak's origin is allowed there too ({@link #contentSecurityPolicy()}).
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self';"
            + " script-src 'self'; connect-src 'self'; form-action 'self'%s; frame-ancestors 'none'; base-uri 'none'";
    private static volatile String policy;
    /**
     * The policy of the request being served when its collectivity's realm lives on another Keycloak shard than
     * the configured one (ADR 0044/0048): its forms may lead to that shard's public origin, and not the configured
     * Keycloak's. Set by the tenant filter around the request, on the request's thread ({@link #forShardAt}).
     */
    private static final ThreadLocal<String> SHARD_POLICY = new ThreadLocal<>();

    private Pages() {
    }

    /**
     * The engine of one module's precompiled templates ({@code packageName} as configured for its jte plugin),
     * loaded by that module's class loader: under Liberty each jar of the war is seen through the war's loader.
     */
    public static TemplateEngine engine(Class<?> moduleClass, String packageName) {
        return TemplateEngine.createPrecompiled(null, ContentType.Html, moduleClass.getClassLoader(), packageName);
    }

    /** The cookie that remembers the language a reader chose with the header's switch (and at sign-in, theirs). */
    public static final String LANGUAGE_COOKIE = "ent_lang";

    /**
     * The reader's language: the {@code lang} query parameter if it names one of ours (an API client's choice),
     * else the language they chose ({@link #LANGUAGE_COOKIE}), else French unless the browser prefers English or
     * Spanish. Without Accept-Language the servlet container would answer with the server's own locale; the ENT is
     * French first, so it answers in French then.
     */
    public static Locale locale(HttpServletRequest request) {
        java.util.Optional<Locale> chosen = ours(queryLanguage(request.getQueryString()));
        if (chosen.isEmpty() && request.getCookies() != null) {
            for (jakarta.servlet.http.Cookie cookie : request.getCookies()) {
                if (LANGUAGE_COOKIE.equals(cookie.getName())) {
                    chosen = ours(cookie.getValue());
                }
            }
        }
        if (chosen.isPresent()) {
            return chosen.get();
        }
        if (request.getHeader("Accept-Language") == null) {
            return Locale.FRENCH;
        }
        for (Locale preferred : java.util.Collections.list(request.getLocales())) {
            for (Locale language : LANGUAGES) {
                if (language.getLanguage().equals(preferred.getLanguage())) {
                    return language;
                }
            }
        }
        return Locale.FRENCH;
    }

    /** The language cookie: this portal only, not readable by scripts. */
    public static jakarta.servlet.http.Cookie languageCookie(HttpServletRequest request, Locale language) {
        jakarta.servlet.http.Cookie cookie = new jakarta.servlet.http.Cookie(LANGUAGE_COOKIE, language.getLanguage());
        cookie.setPath("/");
        cookie.setMaxAge(365 * 24 * 3600);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }

    /** One of the portal's languages by its tag ({@code fr}, {@code en}, {@code es}), if it is one. */
    public static java.util.Optional<Locale> ours(String tag) {
        return LANGUAGES.stream().filter(l -> l.getLanguage().equals(tag)).findFirst();
    }

    /** {@code lang} of a query string, read without touching a form body the request may carry. */
    private static String queryLanguage(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("lang=")) {
                return pair.substring(5);
            }
        }
        return null;
    }

    /** A platform text in this language (French when the language has none). */
    public static String text(String key, Locale locale) {
        return bundle(TEXTS, locale, Pages.class.getClassLoader()).getString(key);
    }

    /** A bundle without falling back to the server's own locale: the base file is French. */
    public static ResourceBundle bundle(String baseName, Locale locale, ClassLoader loader) {
        return ResourceBundle.getBundle(baseName, locale, loader,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Renders one of the platform's templates into the response, with the headers every page has. */
    public static void write(HttpServletResponse response, String template, Map<String, Object> params)
            throws IOException {
        prepare(response);
        TemplateOutput out = new WriterOutput(response.getWriter());
        PLATFORM.render(template, params, out);
    }

    /** Writes an app's page ({@code body}, rendered by the app's own template) inside the one layout. */
    public static void writePage(HttpServletResponse response, Shell shell, gg.jte.Content body) throws IOException {
        write(response, "page.jte", Map.of("shell", shell, "body", body));
    }

    /** Renders one of the platform's templates into a page being written (a platform widget's body). */
    public static void renderTo(String template, Map<String, Object> params, gg.jte.TemplateOutput out) {
        PLATFORM.render(template, params, out);
    }

    /** Renders one of the platform's templates to a string (status pages written by filters). */
    public static String render(String template, Map<String, Object> params) {
        gg.jte.output.StringOutput out = new gg.jte.output.StringOutput();
        PLATFORM.render(template, params, out);
        return out.toString();
    }

    static void prepare(HttpServletResponse response) {
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Security-Policy", contentSecurityPolicy());
        response.setHeader("X-Content-Type-Options", "nosniff");
    }

    /**
     * Lets the pages' forms lead to Keycloak as browsers reach it: called once at start by the runtime's
     * SettingsBeans, the one reader of configuration (until then, forms may only post to the portal).
     */
    public static void allowFormsToKeycloakAt(String keycloakUrl) {
        policy = policyWithKeycloakAt(Optional.of(keycloakUrl));
    }

    /**
     * Runs {@code work} (the rest of a request of a collectivity whose realm lives on another shard) with pages
     * whose forms may lead to that shard's public origin instead of the configured Keycloak's.
     */
    public static void forShardAt(String shardPublicUrl, Work work) throws IOException, jakarta.servlet.ServletException {
        String before = SHARD_POLICY.get();
        SHARD_POLICY.set(policyWithKeycloakAt(Optional.of(shardPublicUrl)));
        try {
            work.run();
        } finally {
            if (before == null) {
                SHARD_POLICY.remove();
            } else {
                SHARD_POLICY.set(before);
            }
        }
    }

    /** The rest of a request, as a filter chain runs it. */
    @FunctionalInterface
    public interface Work {
        void run() throws IOException, jakarta.servlet.ServletException;
    }

    static String contentSecurityPolicy() {
        String shard = SHARD_POLICY.get();
        if (shard != null) {
            return shard;
        }
        String known = policy;
        return known != null ? known : policyWithKeycloakAt(Optional.empty());
    }

    static String policyWithKeycloakAt(Optional<String> keycloakUrl) {
        String origin = keycloakUrl.map(java.net.URI::create).filter(u -> u.getScheme() != null && u.getHost() != null)
                .map(u -> " " + u.getScheme() + "://" + u.getRawAuthority()).orElse("");
        return String.format(CONTENT_SECURITY_POLICY, origin);
    }

    /** Escaping of data into HTML, for the rare text built outside a template (jte escapes by itself). */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
