package fr.ent.platform.sovereignty.inventory;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The part of the inventory that comes from the platform's configuration (a properties document, e.g. the
 * {@code platform.properties} key of a ConfigMap):
 *
 * <pre>
 * admin.mfa.required=true
 * logs.retention.days=365
 * accounts.deletion.delay.days=90
 * tenant.export.available=true
 * egress.mistral.kind=AI_PROVIDER
 * egress.mistral.url=https://api.mistral.ai
 * egress.mistral.region=fr-par
 * egress.smtp.kind=SMTP
 * egress.smtp.url=smtp://smtp.ent.example.fr:587
 * egress.smtp.starttls=required
 * egress.backup.provider=ovhcloud
 * </pre>
 */
public record PlatformConfiguration(PlatformSettings settings, List<EgressEndpoint> egress) {

    public PlatformConfiguration {
        egress = List.copyOf(egress);
    }

    public static PlatformConfiguration fromProperties(Properties p) {
        PlatformSettings settings = new PlatformSettings(bool(p, "admin.mfa.required"),
                integer(p, "logs.retention.days"), integer(p, "accounts.deletion.delay.days"),
                bool(p, "tenant.export.available"));
        TreeSet<String> names = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("egress.") && key.indexOf('.', 7) > 7) {
                names.add(key.substring(7, key.indexOf('.', 7)));
            }
        }
        List<EgressEndpoint> egress = new ArrayList<>();
        for (String name : names) {
            egress.add(endpoint(p, name));
        }
        return new PlatformConfiguration(settings, egress);
    }

    private static EgressEndpoint endpoint(Properties p, String name) {
        String prefix = "egress." + name + ".";
        String url = p.getProperty(prefix + "url");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("configuration : " + prefix + "url manquant");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("configuration : " + prefix + "url invalide : " + url, e);
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("configuration : " + prefix + "url sans schéma ou sans hôte : " + url);
        }
        String kindText = p.getProperty(prefix + "kind", "OTHER").trim().toUpperCase(Locale.ROOT);
        EgressEndpoint.Kind kind;
        try {
            kind = EgressEndpoint.Kind.valueOf(kindText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("configuration : " + prefix + "kind inconnu : " + kindText
                    + " (AI_PROVIDER, SMTP, OBJECT_STORAGE, BACKUP, OTHER)", e);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean tls = scheme.equals("https") || scheme.equals("smtps")
                || "required".equalsIgnoreCase(p.getProperty(prefix + "starttls", "").trim());
        return new EgressEndpoint(name, kind, scheme, uri.getHost().toLowerCase(Locale.ROOT), uri.getPort(), tls,
                blankToNull(p.getProperty(prefix + "region")), blankToNull(p.getProperty(prefix + "provider")));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Boolean bool(Properties p, String key) {
        String value = blankToNull(p.getProperty(key));
        if (value == null) {
            return null;
        }
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("configuration : " + key + " vaut « " + value + " » (true ou false)");
        }
        return Boolean.parseBoolean(value);
    }

    private static Integer integer(Properties p, String key) {
        String value = blankToNull(p.getProperty(key));
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("configuration : " + key + " n'est pas un nombre entier : " + value, e);
        }
    }
}
