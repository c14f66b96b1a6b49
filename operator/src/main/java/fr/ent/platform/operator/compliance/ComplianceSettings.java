package fr.ent.platform.operator.compliance;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where the sovereign-hosting evaluation finds its inputs, from the operator's environment.
 *
 * @param policyFile the policy properties file ({@code ENT_SOVEREIGNTY_POLICY}; unset: no Compliant condition and
 *        no admission webhook)
 * @param configNamespace namespace of the platform's configuration ConfigMap ({@code ENT_PLATFORM_CONFIG}, as
 *        {@code namespace/name}, default {@code ent/ent-platform-config})
 * @param configMap its name; its key {@code platform.properties} holds the settings and egress endpoints
 * @param interval how old the collected inventory may be ({@code ENT_COMPLIANCE_INTERVAL_MINUTES}, 5): the
 *        inventory is collected at most once per interval for all collectivities, and each collectivity is
 *        re-evaluated at least once per interval
 */
public record ComplianceSettings(Path policyFile, String configNamespace, String configMap, Duration interval) {

    public static final String DEFAULT_CONFIG = "ent/ent-platform-config";

    public ComplianceSettings {
        Objects.requireNonNull(policyFile, "policyFile");
        Objects.requireNonNull(configNamespace, "configNamespace");
        Objects.requireNonNull(configMap, "configMap");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("ENT_COMPLIANCE_INTERVAL_MINUTES must be positive");
        }
    }

    /** null when {@code ENT_SOVEREIGNTY_POLICY} is not set: sovereignty enforcement is off. */
    public static ComplianceSettings fromEnvironment(Map<String, String> env) {
        String policy = env.get("ENT_SOVEREIGNTY_POLICY");
        if (policy == null || policy.isBlank()) {
            return null;
        }
        String config = env.getOrDefault("ENT_PLATFORM_CONFIG", DEFAULT_CONFIG);
        int slash = config.indexOf('/');
        if (slash <= 0 || slash == config.length() - 1) {
            throw new IllegalArgumentException("ENT_PLATFORM_CONFIG must be namespace/name, not " + config);
        }
        return new ComplianceSettings(Path.of(policy), config.substring(0, slash), config.substring(slash + 1),
                Duration.ofMinutes(Long.parseLong(env.getOrDefault("ENT_COMPLIANCE_INTERVAL_MINUTES", "5"))));
    }
}
