package fr.ent.platform.sovereignty.config;

import fr.ent.platform.sovereignty.inventory.PlatformConfiguration;
import fr.ent.platform.sovereignty.policy.PolicyConfiguration;
import fr.ent.platform.sovereignty.policy.QualifiedProviders;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * The sovereignty policy, platform settings and egress endpoints as the applications (ent-runtime, tenant-manager)
 * read them from MicroProfile Config, translated to the properties documents that {@link PolicyConfiguration} and
 * {@link PlatformConfiguration} read (the operator reads those documents from a file and a ConfigMap). One
 * translation, so that the runtime's egress door and the compliance report judge the same settings.
 *
 * <p>Keys (environment variables: upper case, dots and dashes as underscores, e.g. {@code ENT_EGRESS_AI_URL}):
 * <pre>
 * ent.sovereignty.regions.fr / .regions.eu / .registries.allowed   the policy
 * ent.egress.allowed-hosts                                          egress allow-list (host or *.domain)
 * ent.egress.endpoints                                              names of the declared endpoints (default: ai)
 * ent.egress.&lt;name&gt;.url / .kind / .region / .provider / .starttls  one endpoint (kind of "ai": AI_PROVIDER)
 * ent.admin.mfa.required, ent.logs.retention.days, ent.accounts.deletion.delay.days, ent.tenant.export.available
 * </pre>
 * Environment variables cannot be listed by prefix through MicroProfile Config, hence the explicit
 * {@code ent.egress.endpoints} list.
 */
public final class ApplicationConfiguration {

    public static final String ENDPOINTS = "ent.egress.endpoints";
    public static final String ALLOWED_HOSTS = "ent.egress.allowed-hosts";

    /** MicroProfile key → key of the policy document. */
    private static final Map<String, String> POLICY_KEYS = Map.of(
            "ent.sovereignty.regions.fr", "regions.fr",
            "ent.sovereignty.regions.eu", "regions.eu",
            "ent.sovereignty.registries.allowed", "registries.allowed",
            ALLOWED_HOSTS, "egress.hosts.allowed");
    /** MicroProfile key → key of the platform configuration document. */
    private static final Map<String, String> SETTING_KEYS = Map.of(
            "ent.admin.mfa.required", "admin.mfa.required",
            "ent.logs.retention.days", "logs.retention.days",
            "ent.accounts.deletion.delay.days", "accounts.deletion.delay.days",
            "ent.tenant.export.available", "tenant.export.available");
    private static final String[] ENDPOINT_FIELDS = {"url", "kind", "region", "provider", "starttls"};

    private final Function<String, Optional<String>> lookup;

    /** @param lookup a configuration look-up, e.g. {@code k -> config.getOptionalValue(k, String.class)} */
    public ApplicationConfiguration(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    /** The policy; an invalid one (no French region...) throws {@link IllegalArgumentException}. */
    public PolicyConfiguration policy(QualifiedProviders providers) {
        Properties p = new Properties();
        POLICY_KEYS.forEach((key, target) -> value(key).ifPresent(v -> p.setProperty(target, v)));
        return PolicyConfiguration.fromProperties(p, providers);
    }

    /** Settings and the declared egress endpoints (those of {@value #ENDPOINTS} that have a url). */
    public PlatformConfiguration platform() {
        Properties p = new Properties();
        SETTING_KEYS.forEach((key, target) -> value(key).ifPresent(v -> p.setProperty(target, v)));
        for (String name : endpointNames()) {
            if (value("ent.egress." + name + ".url").isEmpty()) {
                continue;
            }
            for (String field : ENDPOINT_FIELDS) {
                value("ent.egress." + name + "." + field).ifPresent(v -> p.setProperty("egress." + name + "." + field, v));
            }
            if ("ai".equals(name) && !p.containsKey("egress.ai.kind")) {
                p.setProperty("egress.ai.kind", "AI_PROVIDER");
            }
        }
        return PlatformConfiguration.fromProperties(p);
    }

    private String[] endpointNames() {
        return Arrays.stream(value(ENDPOINTS).orElse("ai").split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .distinct().toArray(String[]::new);
    }

    private Optional<String> value(String key) {
        return lookup.apply(key).map(String::trim).filter(v -> !v.isEmpty());
    }
}
