package fr.ent.platform.tenancy;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A host name a collectivity is served on (the Host header names the tenant). Lower-case ASCII labels
 * (internationalised names must be given in their punycode form), at least two labels, at most 253 characters,
 * no port, no wildcard, no IP address.
 */
public record DomainName(String value) {

    private static final Pattern LABEL = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$");
    private static final Pattern IPV4 = Pattern.compile("^[0-9.]+$");

    public DomainName {
        if (value == null || value.isBlank()) {
            throw new InvalidTenantInputException("domains", "domain.required");
        }
        String v = value.trim();
        if (!v.equals(value) || !v.toLowerCase(Locale.ROOT).equals(v) || v.length() > 253 || IPV4.matcher(v).matches()) {
            throw new InvalidTenantInputException("domains", "domain.shape", value);
        }
        String[] labels = v.split("\\.", -1);
        if (labels.length < 2) {
            throw new InvalidTenantInputException("domains", "domain.shape", value);
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw new InvalidTenantInputException("domains", "domain.shape", value);
            }
        }
    }

    /**
     * The host part of a Host header, lower-cased and without its port, or null when it cannot be a domain.
     * Used on the request path, where a malformed header must simply match no tenant.
     */
    public static String hostOf(String hostHeader) {
        if (hostHeader == null || hostHeader.isEmpty() || hostHeader.length() > 260) {
            return null;
        }
        String host = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            return null; // IPv6 literal: never a tenant domain
        }
        int colon = host.indexOf(':');
        if (colon >= 0) {
            host = host.substring(0, colon);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return host.isEmpty() ? null : host;
    }

    @Override
    public String toString() {
        return value;
    }
}
