package fr.ent.platform.tenants.brokering;

import fr.ent.platform.tenancy.InvalidTenantInputException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks of an identity provider's configuration; each failure names the field (invalid-input, in French). */
public final class ProviderInput {

    private static final Pattern ALIAS = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    private static final Pattern SCOPES = Pattern.compile("[A-Za-z0-9_:.-]+( [A-Za-z0-9_:.-]+)*");

    private ProviderInput() {
    }

    public static String alias(String alias) {
        if (alias == null || !ALIAS.matcher(alias).matches() || alias.endsWith("-")) {
            throw new InvalidTenantInputException("alias", "idp.alias.shape", String.valueOf(alias));
        }
        return alias;
    }

    public static UpstreamProvider.Kind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            throw new InvalidTenantInputException("kind", "idp.kind.required");
        }
        try {
            return UpstreamProvider.Kind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidTenantInputException("kind", "idp.kind.unknown", kind);
        }
    }

    public static String displayName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new InvalidTenantInputException("displayName", "idp.display-name.required");
        }
        return name.strip();
    }

    public static String required(String field, String value, UpstreamProvider.Kind kind) {
        if (value == null || value.isBlank()) {
            throw new InvalidTenantInputException(field, "idp.field.required", field, kind);
        }
        if (value.length() > 2000) {
            throw new InvalidTenantInputException(field, "idp.field.too-long", field);
        }
        return value.strip();
    }

    /** An absolute https URL; http only for a loopback host (local platform and tests). */
    public static String url(String field, String value, UpstreamProvider.Kind kind) {
        String text = required(field, value, kind);
        try {
            URI uri = new URI(text);
            String host = uri.getHost();
            boolean loopback = "localhost".equals(host) || "127.0.0.1".equals(host);
            if (host == null || uri.getRawUserInfo() != null
                    || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()) && loopback)) {
                throw new InvalidTenantInputException(field, "idp.url.shape", field, text);
            }
            return text;
        } catch (java.net.URISyntaxException e) {
            throw new InvalidTenantInputException(field, "idp.url.shape", field, text);
        }
    }

    public static String scopes(String scopes) {
        if (scopes == null || scopes.isBlank()) {
            return "openid";
        }
        String s = scopes.strip();
        if (!SCOPES.matcher(s).matches() || !(" " + s + " ").contains(" openid ")) {
            throw new InvalidTenantInputException("scopes", "idp.scopes.shape", s);
        }
        return s;
    }

    /** A base64 X.509 certificate (PEM armour accepted), returned as Keycloak wants it: base64 DER on one line. */
    public static String certificate(String value, UpstreamProvider.Kind kind) {
        String text = required("signingCertificate", value, kind).replace("-----BEGIN CERTIFICATE-----", "")
                .replace("-----END CERTIFICATE-----", "").replaceAll("\\s+", "");
        try {
            byte[] der = Base64.getDecoder().decode(text);
            CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
            return text;
        } catch (IllegalArgumentException | CertificateException e) {
            throw new InvalidTenantInputException("signingCertificate", "idp.certificate.invalid");
        }
    }

    public static String attribute(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 200) {
            throw new InvalidTenantInputException("subjectAttribute", "idp.field.too-long", "subjectAttribute");
        }
        return value.strip();
    }
}
